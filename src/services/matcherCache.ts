import type { Knowledge } from '../core/knowledge/knowledge';
import { MentionMatcher } from '../core/matching/mentionMatcher';
import type { TimeSlices } from '../core/scheduling/timeSlices';

interface Build {
  readonly knowledge: Knowledge;
  readonly built: Promise<MentionMatcher>;
  /** Set to stop a build that is no longer needed. */
  readonly stop: { isCancellationRequested: boolean };
}

/**
 * The mention matcher of the current knowledge, built on first use after each change, in time slices
 * (100,000 names take a third of a second); callers meanwhile share the build. A build of knowledge
 * that changed meanwhile stops and answers with the matcher of the knowledge now.
 */
export class MatcherCache {
  private build: Build | undefined;

  constructor(
    private readonly current: () => Knowledge,
    private readonly newSlices: () => TimeSlices,
  ) {}

  matcher(): Promise<MentionMatcher> {
    const knowledge = this.current();
    if (this.build?.knowledge !== knowledge) {
      this.forget();
      const stop = { isCancellationRequested: false };
      const built = MentionMatcher.buildInSlices(knowledge, this.newSlices(), stop).then(
        (matcher) => matcher ?? this.matcher(),
      );
      const build = { knowledge, built, stop };
      // A failed build is not kept: the next request tries again.
      built.catch(() => {
        if (this.build === build) this.build = undefined;
      });
      this.build = build;
    }
    return this.build.built;
  }

  /** Lets the matcher go (the knowledge changed), stopping its build if it is still running. */
  forget(): void {
    if (this.build) this.build.stop.isCancellationRequested = true;
    this.build = undefined;
  }
}
