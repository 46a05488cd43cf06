/** The signed-in person making a request, as the route guard resolved them. */
export interface Actor {
  userId: string;
  isPlatformAdmin: boolean;
}
