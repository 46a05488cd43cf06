import { ZSlugParams } from '../schemas/common';
import {
  ZCreateStorylineRequest,
  ZStoryline,
  ZStorylineList,
  ZStorylineParams,
} from '../schemas/storylines';
import { defineContracts } from './contract';

export const storylinesContracts = defineContracts('storylines', {
  listStorylines: {
    method: 'get',
    path: '/api/areas/:slug/storylines',
    summary: "The area's storylines with their communal progress",
    params: ZSlugParams,
    response: ZStorylineList,
  },
  getStoryline: {
    method: 'get',
    path: '/api/storylines/:storylineId',
    summary: 'One storyline; locked chapters show only title and threshold',
    params: ZStorylineParams,
    response: ZStoryline,
  },
  createStoryline: {
    method: 'post',
    path: '/api/areas/:slug/storylines',
    summary: 'Start a storyline with its goal and chapters (officers)',
    params: ZSlugParams,
    body: ZCreateStorylineRequest,
    status: 201,
    response: ZStoryline,
  },
});
