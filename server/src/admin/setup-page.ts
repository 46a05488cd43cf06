/**
 * The page a one-time set-up link opens: the new platform admin chooses a password. The
 * token rides in the URL fragment, which browsers never send, so it stays out of request
 * lines, proxies' logs and Referer headers. Script served as a file (no inline script
 * under the Content-Security-Policy).
 */
import type { Router } from 'express';

const SETUP_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer"><title>Set up your GovCraft admin account</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:32rem;padding:1rem;color:#0b0c0c}
h1{font-size:1.6rem} label{display:block;font-weight:700;margin-top:1rem}
input{box-sizing:border-box;width:100%;font:inherit;padding:.5rem;border:2px solid #0b0c0c;border-radius:0}
input:focus,button:focus,a:focus{outline:3px solid #fd0;outline-offset:0}
.hint{color:#505a5f;margin:.25rem 0}
button{margin-top:1.5rem;font:inherit;font-weight:700;padding:.6rem 1.2rem;background:#00703c;color:#fff;border:0;cursor:pointer}
#status{margin-top:1rem;padding:.5rem 0} .error{color:#d4351c;font-weight:700} .done{color:#00703c;font-weight:700}
</style></head>
<body><main>
<h1>Set up your admin account</h1>
<p>Choose the password for the platform administrator account. This link works once.</p>
<form id="setup" novalidate>
<label for="password">New password</label>
<p class="hint" id="password-hint">At least 10 characters.</p>
<input id="password" name="password" type="password" autocomplete="new-password" minlength="10" maxlength="200" required aria-describedby="password-hint">
<label for="confirm">Type it again</label>
<input id="confirm" name="confirm" type="password" autocomplete="new-password" required>
<button type="submit">Save password</button>
</form>
<div id="status" role="status" aria-live="polite"></div>
</main><script src="/admin/setup.js"></script></body></html>`;

const SETUP_SCRIPT = `(function(){
  var token=(new URLSearchParams(location.hash.slice(1))).get('token')||'';
  if(token) history.replaceState(null,'',location.pathname);
  var form=document.getElementById('setup'), status=document.getElementById('status');
  function say(text,cls){status.textContent=text;status.className=cls||'';}
  if(!token){say('This link is not complete: copy all of it, including the part after #.','error');}
  form.addEventListener('submit',function(e){
    e.preventDefault();
    var p=form.password.value, c=form.confirm.value;
    if(p.length<10){say('Use at least 10 characters.','error');form.password.focus();return;}
    if(p!==c){say('The two passwords are not the same.','error');form.confirm.focus();return;}
    say('Saving…');
    fetch('/api/admin/setup',{method:'POST',headers:{'Content-Type':'application/json'},body:JSON.stringify({token:token,password:p})})
      .then(function(r){return r.json().then(function(b){return {ok:r.ok,body:b};});})
      .then(function(r){
        if(r.ok){form.hidden=true;status.innerHTML='';var s=document.createElement('p');s.className='done';
          s.textContent='Saved. Sign in as '+r.body.email+' with your new password.';
          var a=document.createElement('a');a.href='/';a.textContent='Go to GovCraft';status.append(s,a);a.focus();}
        else say((r.body&&r.body.message)||'That did not work; ask for a new link.','error');
      })
      .catch(function(){say('The server could not be reached; try again.','error');});
  });
})();`;

export function mountAdminSetupPage(router: Router): void {
  router.get('/admin/setup', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.type('html').send(SETUP_HTML);
  });
  router.get('/admin/setup.js', (_req, res) => {
    res.type('text/javascript').send(SETUP_SCRIPT);
  });
}
