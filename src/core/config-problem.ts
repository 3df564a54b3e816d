/**
 * Something wrong with how an overlay was set up (its URL, mostly), said for the streamer: the
 * URL parser, the replay request and the test-server routing report these, the setup card and
 * `?debug` show them.
 */
export interface ConfigProblem {
  /** The URL parameter name, e.g. `max-messages`. */
  readonly param: string;
  /** What is wrong and what to do, for a streamer. */
  readonly message: string;
  /** `error`: the overlay cannot run as configured. `warning`: ignored, default used. */
  readonly severity: 'error' | 'warning';
  /** A required parameter that was not given: the demo and a replay supply their own. */
  readonly missing?: boolean;
}
