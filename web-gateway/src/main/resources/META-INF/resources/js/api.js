// Calls to the services through the gateway, with the caller's token. Failures become sentences.
import { accessToken } from './auth.js';

export class ApiError extends Error {
  constructor(message, status, type) {
    super(message);
    this.status = status;
    this.type = type;
  }
}

const SENTENCES = {
  'voice-monitor-active': 'You are already monitoring a call. Hang up there first.',
  'barge-not-permitted': 'Your role does not allow barging; you stay muted.',
  'coach-not-permitted': 'Your role does not allow coaching.',
  'logged-in-as-agent': 'You are logged into the agent desktop. Log out of it to monitor.',
  'own-interaction': 'You are the agent on this interaction, so you cannot monitor it.',
  'monitor-not-permitted': 'Your role does not allow monitoring.',
  'interaction-not-found': 'This interaction is no longer available for monitoring.',
  'interaction-ended': 'This interaction has already ended.',
  'no-extension': 'You have no extension to listen on. Ask your administrator to add one.',
  'already-monitoring': 'You are already monitoring this interaction.',
  'review-not-permitted': 'Your role does not allow reviewing transcripts.',
  'interaction-not-ended': 'This chat is still live: monitor it instead of reviewing it.',
  'not-digital': 'Calls have no transcript to review.',
};

export async function api(path, { method = 'GET', body } = {}) {
  let response;
  try {
    response = await fetch(path, {
      method,
      headers: {
        authorization: `Bearer ${await accessToken()}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
  } catch (e) {
    throw new ApiError('The service cannot be reached. Check your connection and try again.', 0, 'network');
  }
  if (response.ok) {
    return response.status === 204 ? null : response.json();
  }
  let problem = {};
  try {
    problem = await response.json();
  } catch (e) {
    // not a problem document
  }
  const type = (problem.type || '').split(':').pop();
  const sentence = SENTENCES[type] || problem.detail || problem.title
    || (response.status >= 500 ? 'The service had a problem. Please try again.' : `The request failed (${response.status}).`);
  throw new ApiError(sentence, response.status, type);
}

/** Why a Monitor button cannot be used, as a sentence (B52). */
export function whyNotSentence(reason) {
  const sentences = {
    'monitor-not-permitted': 'No permission to monitor',
    'logged-in-as-agent': 'You are logged in as an agent',
    'own-interaction': 'This is your own interaction',
    'voice-monitor-active': 'Already monitoring a call',
    'already-monitoring': 'You are monitoring this',
    'no-extension': 'You have no extension',
    'interaction-ended': 'The interaction has ended',
  };
  return sentences[reason] || 'Monitoring is not available';
}

/** Why an ended chat's transcript cannot be reviewed (B34), as a sentence. */
export function whyNotReviewSentence(reason) {
  const sentences = {
    'review-not-permitted': 'Your role does not allow reviewing transcripts',
    'interaction-not-found': 'It was never monitored',
    'interaction-not-ended': 'Still live: monitor it instead',
    'not-digital': 'Calls have no transcript',
  };
  return sentences[reason] || 'Review is not available';
}
