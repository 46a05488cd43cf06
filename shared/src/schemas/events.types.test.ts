/**
 * The realtime contract at the type level: if a schema, an event map or a room name drifts,
 * `npm run typecheck` fails here before a client and the server disagree on the wire.
 */
import { describe, expectTypeOf, it, expect } from 'vitest';
import type { z } from 'zod';
import {
  CLIENT_EVENT_SCHEMAS,
  SERVER_EVENT_SCHEMAS,
  rooms,
  type Ack,
  type ClientEventName,
  type ClientToServerEvents,
  type LeaderboardResponse,
  type LeaderboardUpdateEvent,
  type ServerEventName,
  type ServerToClientEvents,
  type TeamUpdateEvent,
  type XpAwardedEvent,
} from '../index';
import type { ZLeaderboardSubscribeAck } from './leaderboards';

describe('realtime contract', () => {
  it('types every server event payload from its schema', () => {
    expectTypeOf<keyof ServerToClientEvents>().toEqualTypeOf<ServerEventName>();
    expectTypeOf<
      Parameters<ServerToClientEvents['leaderboard:update']>[0]
    >().toEqualTypeOf<LeaderboardUpdateEvent>();
    expectTypeOf<
      Parameters<ServerToClientEvents['team:update']>[0]
    >().toEqualTypeOf<TeamUpdateEvent>();
    expectTypeOf<
      Parameters<ServerToClientEvents['xp:awarded']>[0]
    >().toEqualTypeOf<XpAwardedEvent>();
    expectTypeOf<LeaderboardUpdateEvent['version']>().toEqualTypeOf<number>();
    expectTypeOf<LeaderboardUpdateEvent['top'][number]>().toEqualTypeOf<{
      rank: number;
      id: string;
      name: string;
      xp: number;
    }>();
  });

  it('types every client event with its payload and an ack', () => {
    expectTypeOf<keyof ClientToServerEvents>().toEqualTypeOf<ClientEventName>();
    expectTypeOf<Parameters<ClientToServerEvents['leaderboard:subscribe']>[0]>().toEqualTypeOf<{
      slug: string;
      scope: 'users' | 'teams';
      period: 'all' | 'week';
    }>();
    expectTypeOf<Parameters<ClientToServerEvents['team:join']>[0]>().toEqualTypeOf<{
      teamId: string;
    }>();
    expectTypeOf<Parameters<ClientToServerEvents['team:join']>[1]>().toEqualTypeOf<
      (answer: Ack) => void
    >();
    expectTypeOf<
      z.infer<typeof ZLeaderboardSubscribeAck>['board']
    >().toEqualTypeOf<LeaderboardResponse>();
  });

  it('parses a leaderboard update with the same schema the server emits with', () => {
    const update: LeaderboardUpdateEvent = {
      areaId: '0b6e3c1e-4f3a-4b8e-9a61-4c1f0f2b9d11',
      scope: 'users',
      period: 'week',
      version: 3,
      top: [{ rank: 1, id: '7f0c3a4e-2b1d-4c5e-8f9a-0b1c2d3e4f50', name: 'Amara', xp: 120 }],
    };
    expect(SERVER_EVENT_SCHEMAS['leaderboard:update'].parse(update)).toEqual(update);
    expect(
      CLIENT_EVENT_SCHEMAS['leaderboard:subscribe'].safeParse({ slug: 'oakfield', scope: 'all' })
        .success,
    ).toBe(false);
    expect(rooms.leaderboard('a', 'teams', 'week')).toBe('lb:a:teams:week');
  });
});
