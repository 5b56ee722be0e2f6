// HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/): the one shape every observed exchange takes,
// whether it comes from devtools.network, a HAR file or the background recorder.
export interface HarNameValue {
  name: string;
  value: string;
}

export interface HarPostParam {
  name: string;
  value?: string;
  fileName?: string;
  contentType?: string;
}

export interface HarPostData {
  mimeType?: string;
  text?: string;
  params?: HarPostParam[];
  /** Not in HAR 1.2: set by SSO Lens when a body was cut short by the browser or a size cap. */
  _truncated?: boolean;
}

export interface HarRequest {
  method: string;
  url: string;
  httpVersion?: string;
  headers: HarNameValue[];
  queryString?: HarNameValue[];
  cookies?: HarNameValue[];
  postData?: HarPostData;
  headersSize?: number;
  bodySize?: number;
}

export interface HarResponse {
  status: number;
  statusText?: string;
  httpVersion?: string;
  headers: HarNameValue[];
  cookies?: HarNameValue[];
  content?: { size?: number; mimeType?: string; text?: string; encoding?: string };
  redirectURL?: string;
  headersSize?: number;
  bodySize?: number;
}

export interface HarEntry {
  startedDateTime: string;
  time?: number;
  request: HarRequest;
  response: HarResponse;
  pageref?: string;
  _resourceType?: string;
}

export type ExchangeSource = 'panel' | 'har-file' | 'recorder' | 'cli';

/** A HAR entry plus where it came from. */
export interface Exchange {
  entry: HarEntry;
  source: ExchangeSource;
  tabId?: number;
}
