import type { TimeSlices } from './timeSlices';

/**
 * Long work written once as a generator that yields between small steps, so that it can run either
 * at once or in time slices that never block the extension host for long.
 */
export type Steps<T> = Generator<void, T, void>;

/** `steps`, ended early (with undefined) at the first step boundary after `cancellation` is requested. */
export function* untilCancelled<T>(
  steps: Steps<T>,
  cancellation: { readonly isCancellationRequested: boolean },
): Steps<T | undefined> {
  let step = steps.next();
  while (!step.done) {
    if (cancellation.isCancellationRequested) return undefined;
    yield;
    step = steps.next();
  }
  return step.value;
}

/** Runs `steps` to their end at once. */
export function runSteps<T>(steps: Steps<T>): T {
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/** Runs `steps` to their end, letting the host run between two steps whenever the current slice is used up. */
export async function runStepsInSlices<T>(steps: Steps<T>, slices: TimeSlices): Promise<T> {
  let step = steps.next();
  while (!step.done) {
    await slices.breathe();
    step = steps.next();
  }
  return step.value;
}
