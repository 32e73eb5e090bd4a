import { endpoint } from '../endpoint.ts';
import { idParams } from '../common.ts';
import { checkInInput, checkInResult, eventStatistics, registration, registrationPatch } from '../dialogues.ts';

/** The attendance endpoints (the server's attendance.routes.ts implements them). */
export const attendanceEndpoints = {
  checkIn: endpoint({
    method: 'POST',
    path: '/api/registrations/:id/check-in',
    access: 'signed_in',
    summary: "Check a participant in at the door with the code from their QR (the event's facilitators)",
    tags: ['dialogues'],
    params: idParams,
    body: checkInInput,
    response: checkInResult,
  }),
  markAttendance: endpoint({
    method: 'PATCH',
    path: '/api/registrations/:id',
    access: 'signed_in',
    summary: 'Mark attendance by hand (attended true or false)',
    tags: ['dialogues'],
    params: idParams,
    body: registrationPatch,
    response: registration,
  }),
  getEventStatistics: endpoint({
    method: 'GET',
    path: '/api/events/:id/statistics',
    access: 'public',
    summary: 'Registered and attended by sector, age group and on site/online (figures only, no names)',
    tags: ['dialogues'],
    params: idParams,
    response: eventStatistics,
  }),
};
