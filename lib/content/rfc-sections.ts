// The section numbers (and titles) of the RFCs the lessons cite, so a citation such as
// https://www.rfc-editor.org/rfc/rfc9110#section-15.5.2 or "RFC 9110 §15.5.2" can be checked to name a
// section that exists (tests/content). Written from the RFCs' tables of contents; a table may stop at a
// depth (e.g. RFC 8446 lists two levels): add deeper sections here, from the RFC itself, when a lesson
// needs one. Appendices use their letters ("A", "B.2").

type SectionTable = { title: string; sections: ReadonlyMap<string, string> };

/** "1.2 Title" per line → Map("1.2" → "Title"). */
function table(title: string, toc: string): SectionTable {
  const sections = new Map<string, string>();
  for (const line of toc.split('\n')) {
    const match = /^\s*((?:[A-Z]|\d+)(?:\.\d+)*)\s+(.+?)\s*$/.exec(line);
    if (match?.[1] && match[2]) sections.set(match[1], match[2]);
  }
  return { title, sections };
}

export const RFC_SECTIONS: Readonly<Record<number, SectionTable>> = {
  9110: table(
    'HTTP Semantics',
    `
1 Introduction
1.1 Purpose
1.2 History and Evolution
1.3 Core Semantics
1.4 Specifications Obsoleted by This Document
2 Conformance
2.1 Syntax Notation
2.2 Requirements Notation
2.3 Length Requirements
2.4 Error Handling
2.5 Protocol Version
3 Terminology and Core Concepts
3.1 Resources
3.2 Representations
3.3 Connections, Clients, and Servers
3.4 Messages
3.5 User Agents
3.6 Origin Server
3.7 Intermediaries
3.8 Caches
3.9 Example Message Exchange
4 Identifiers in HTTP
4.1 URI References
4.2 HTTP-Related URI Schemes
4.2.1 http URI Scheme
4.2.2 https URI Scheme
4.2.3 http(s) Normalization and Comparison
4.2.4 Deprecation of userinfo in http(s) URIs
4.2.5 http(s) References with Fragment Identifiers
4.3 Authoritative Access
4.3.1 URI Origin
4.3.2 http Origins
4.3.3 https Origins
4.3.4 https Certificate Verification
4.3.5 IP-ID Reference Identity
5 Fields
5.1 Field Names
5.2 Field Lines and Combined Field Value
5.3 Field Order
5.4 Field Limits
5.5 Field Values
5.6 Common Rules for Defining Field Values
5.6.1 Lists (#rule ABNF Extension)
5.6.1.1 Sender Requirements
5.6.1.2 Recipient Requirements
5.6.2 Tokens
5.6.3 Whitespace
5.6.4 Quoted Strings
5.6.5 Comments
5.6.6 Parameters
5.6.7 Date/Time Formats
6 Message Abstraction
6.1 Framing and Completeness
6.2 Control Data
6.3 Header Fields
6.4 Content
6.4.1 Content Semantics
6.4.2 Identifying Content
6.5 Trailer Fields
6.5.1 Limitations on Use of Trailers
6.5.2 Processing Trailer Fields
6.6 Message Metadata
6.6.1 Date
6.6.2 Trailer
7 Routing HTTP Messages
7.1 Determining the Target Resource
7.2 Host and :authority
7.3 Routing Inbound Requests
7.3.1 To a Cache
7.3.2 To a Proxy
7.3.3 To the Origin
7.4 Rejecting Misdirected Requests
7.5 Response Correlation
7.6 Message Forwarding
7.6.1 Connection
7.6.2 Max-Forwards
7.6.3 Via
7.7 Message Transformations
7.8 Upgrade
8 Representation Data and Metadata
8.1 Representation Data
8.2 Representation Metadata
8.3 Content-Type
8.3.1 Media Type
8.3.2 Charset
8.3.3 Multipart Types
8.4 Content-Encoding
8.4.1 Content Codings
8.4.1.1 Compress Coding
8.4.1.2 Deflate Coding
8.4.1.3 Gzip Coding
8.5 Content-Language
8.5.1 Language Tags
8.6 Content-Length
8.7 Content-Location
8.8 Validator Fields
8.8.1 Weak versus Strong
8.8.2 Last-Modified
8.8.2.1 Generation
8.8.2.2 Comparison
8.8.3 ETag
8.8.3.1 Generation
8.8.3.2 Comparison
8.8.3.3 Example: Entity Tags Varying on Content-Negotiated Resources
9 Methods
9.1 Overview
9.2 Common Method Properties
9.2.1 Safe Methods
9.2.2 Idempotent Methods
9.2.3 Methods and Caching
9.3 Method Definitions
9.3.1 GET
9.3.2 HEAD
9.3.3 POST
9.3.4 PUT
9.3.5 DELETE
9.3.6 CONNECT
9.3.7 OPTIONS
9.3.8 TRACE
10 Message Context
10.1 Request Context Fields
10.1.1 Expect
10.1.2 From
10.1.3 Referer
10.1.4 TE
10.1.5 User-Agent
10.2 Response Context Fields
10.2.1 Allow
10.2.2 Location
10.2.3 Retry-After
10.2.4 Server
11 HTTP Authentication
11.1 Authentication Scheme
11.2 Authentication Parameters
11.3 Challenge and Response
11.4 Credentials
11.5 Establishing a Protection Space (Realm)
11.6 Authenticating Users to Origin Servers
11.6.1 WWW-Authenticate
11.6.2 Authorization
11.6.3 Authentication-Info
11.7 Authenticating Clients to Proxies
11.7.1 Proxy-Authenticate
11.7.2 Proxy-Authorization
11.7.3 Proxy-Authentication-Info
12 Content Negotiation
12.1 Proactive Negotiation
12.2 Reactive Negotiation
12.3 Request Content Negotiation
12.4 Content Negotiation Field Features
12.4.1 Absence
12.4.2 Quality Values
12.4.3 Wildcard Values
12.5 Content Negotiation Fields
12.5.1 Accept
12.5.2 Accept-Charset
12.5.3 Accept-Encoding
12.5.4 Accept-Language
12.5.5 Vary
13 Conditional Requests
13.1 Preconditions
13.1.1 If-Match
13.1.2 If-None-Match
13.1.3 If-Modified-Since
13.1.4 If-Unmodified-Since
13.1.5 If-Range
13.2 Evaluation of Preconditions
13.2.1 When to Evaluate
13.2.2 Precedence of Preconditions
14 Range Requests
14.1 Range Units
14.1.1 Range Specifiers
14.1.2 Byte Ranges
14.2 Range
14.3 Accept-Ranges
14.4 Content-Range
14.5 Partial PUT
14.6 Media Type multipart/byteranges
15 Status Codes
15.1 Overview of Status Codes
15.2 Informational 1xx
15.2.1 100 Continue
15.2.2 101 Switching Protocols
15.3 Successful 2xx
15.3.1 200 OK
15.3.2 201 Created
15.3.3 202 Accepted
15.3.4 203 Non-Authoritative Information
15.3.5 204 No Content
15.3.6 205 Reset Content
15.3.7 206 Partial Content
15.3.7.1 Single Part
15.3.7.2 Multiple Parts
15.3.7.3 Combining Parts
15.4 Redirection 3xx
15.4.1 300 Multiple Choices
15.4.2 301 Moved Permanently
15.4.3 302 Found
15.4.4 303 See Other
15.4.5 304 Not Modified
15.4.6 305 Use Proxy
15.4.7 306 (Unused)
15.4.8 307 Temporary Redirect
15.4.9 308 Permanent Redirect
15.5 Client Error 4xx
15.5.1 400 Bad Request
15.5.2 401 Unauthorized
15.5.3 402 Payment Required
15.5.4 403 Forbidden
15.5.5 404 Not Found
15.5.6 405 Method Not Allowed
15.5.7 406 Not Acceptable
15.5.8 407 Proxy Authentication Required
15.5.9 408 Request Timeout
15.5.10 409 Conflict
15.5.11 410 Gone
15.5.12 411 Length Required
15.5.13 412 Precondition Failed
15.5.14 413 Content Too Large
15.5.15 414 URI Too Long
15.5.16 415 Unsupported Media Type
15.5.17 416 Range Not Satisfiable
15.5.18 417 Expectation Failed
15.5.19 418 (Unused)
15.5.20 421 Misdirected Request
15.5.21 422 Unprocessable Content
15.5.22 426 Upgrade Required
15.6 Server Error 5xx
15.6.1 500 Internal Server Error
15.6.2 501 Not Implemented
15.6.3 502 Bad Gateway
15.6.4 503 Service Unavailable
15.6.5 504 Gateway Timeout
15.6.6 505 HTTP Version Not Supported
16 Extending HTTP
16.1 Method Extensibility
16.1.1 Method Registry
16.1.2 Considerations for New Methods
16.2 Status Code Extensibility
16.2.1 Status Code Registry
16.2.2 Considerations for New Status Codes
16.3 Field Extensibility
16.3.1 Field Name Registry
16.3.2 Considerations for New Fields
16.3.2.1 Considerations for New Field Names
16.3.2.2 Considerations for New Field Values
16.4 Authentication Scheme Extensibility
16.4.1 Authentication Scheme Registry
16.4.2 Considerations for New Authentication Schemes
16.5 Range Unit Extensibility
16.5.1 Range Unit Registry
16.5.2 Considerations for New Range Units
16.6 Content Coding Extensibility
16.6.1 Content Coding Registry
16.6.2 Considerations for New Content Codings
16.7 Upgrade Token Registry
17 Security Considerations
17.1 Establishing Authority
17.2 Risks of Intermediaries
17.3 Attacks Based on File and Path Names
17.4 Attacks Based on Command, Code, or Query Injection
17.5 Attacks via Protocol Element Length
17.6 Attacks Using Shared-Dictionary Compression
17.7 Disclosure of Personal Information
17.8 Privacy of Server Log Information
17.9 Disclosure of Sensitive Information in URIs
17.10 Application Handling of Field Names
17.11 Disclosure of Fragment after Redirects
17.12 Disclosure of Product Information
17.13 Browser Fingerprinting
17.14 Validator Retention
17.15 Denial-of-Service Attacks Using Range
17.16 Authentication Considerations
17.16.1 Confidentiality of Credentials
17.16.2 Credentials and Idle Clients
17.16.3 Protection Spaces
17.16.4 Additional Response Fields
18 IANA Considerations
18.1 URI Scheme Registration
18.2 Method Registration
18.3 Status Code Registration
18.4 Field Name Registration
18.5 Authentication Scheme Registration
18.6 Content Coding Registration
18.7 Range Unit Registration
18.8 Media Type Registration
18.9 Port Registration
18.10 Upgrade Token Registration
19 References
19.1 Normative References
19.2 Informative References
A Collected ABNF
B Changes from Previous RFCs
B.1 Changes from RFC 2818
B.2 Changes from RFC 7230
B.3 Changes from RFC 7231
B.4 Changes from RFC 7232
B.5 Changes from RFC 7233
B.6 Changes from RFC 7235
B.7 Changes from RFC 7538
B.8 Changes from RFC 7615
B.9 Changes from RFC 7694
`,
  ),
  9111: table(
    'HTTP Caching',
    `
1 Introduction
1.1 Requirements Notation
1.2 Syntax Notation
1.2.1 Imported Rules
1.2.2 Delta Seconds
2 Overview of Cache Operation
3 Storing Responses in Caches
3.1 Storing Header and Trailer Fields
3.2 Updating Stored Header Fields
3.3 Storing Incomplete Responses
3.4 Combining Partial Content
3.5 Storing Responses to Authenticated Requests
4 Constructing Responses from Caches
4.1 Calculating Cache Keys with the Vary Header Field
4.2 Freshness
4.2.1 Calculating Freshness Lifetime
4.2.2 Calculating Heuristic Freshness
4.2.3 Calculating Age
4.2.4 Serving Stale Responses
4.3 Validation
4.3.1 Sending a Validation Request
4.3.2 Handling a Received Validation Request
4.3.3 Handling a Validation Response
4.3.4 Freshening Stored Responses upon Validation
4.3.5 Freshening Responses with HEAD
4.4 Invalidating Stored Responses
5 Field Definitions
5.1 Age
5.2 Cache-Control
5.2.1 Request Directives
5.2.1.1 max-age
5.2.1.2 max-stale
5.2.1.3 min-fresh
5.2.1.4 no-cache
5.2.1.5 no-store
5.2.1.6 no-transform
5.2.1.7 only-if-cached
5.2.2 Response Directives
5.2.2.1 max-age
5.2.2.2 must-revalidate
5.2.2.3 must-understand
5.2.2.4 no-cache
5.2.2.5 no-store
5.2.2.6 no-transform
5.2.2.7 private
5.2.2.8 proxy-revalidate
5.2.2.9 public
5.2.2.10 s-maxage
5.2.3 Extension Directives
5.2.4 Cache Directive Registry
5.3 Expires
5.4 Pragma
5.5 Warning
6 Relationship to Applications and Other Caches
7 Security Considerations
7.1 Cache Poisoning
7.2 Timing Attacks
7.3 Caching of Sensitive Information
8 IANA Considerations
8.1 Field Name Registration
8.2 Cache Directive Registration
8.3 Warn Code Registry
9 References
9.1 Normative References
9.2 Informative References
A Collected ABNF
B Changes from RFC 7234
`,
  ),
  9112: table(
    'HTTP/1.1',
    `
1 Introduction
1.1 Requirements Notation
1.2 Syntax Notation
2 Message
2.1 Message Format
2.2 Message Parsing
2.3 HTTP Version
3 Request Line
3.1 Method
3.2 Request Target
3.2.1 origin-form
3.2.2 absolute-form
3.2.3 authority-form
3.2.4 asterisk-form
3.3 Reconstructing the Target URI
4 Status Line
5 Field Syntax
5.1 Field Line Parsing
5.2 Obsolete Line Folding
6 Message Body
6.1 Transfer-Encoding
6.2 Content-Length
6.3 Message Body Length
7 Transfer Codings
7.1 Chunked Transfer Coding
7.1.1 Chunk Extensions
7.1.2 Chunked Trailer Section
7.1.3 Decoding Chunked
7.2 Transfer Codings for Compression
7.3 Transfer Coding Registry
7.4 Negotiating Transfer Codings
8 Handling Incomplete Messages
9 Connection Management
9.1 Establishment
9.2 Associating a Response to a Request
9.3 Persistence
9.3.1 Retrying Requests
9.3.2 Pipelining
9.4 Concurrency
9.5 Failures and Timeouts
9.6 Tear-down
9.7 TLS Connection Initiation
9.8 TLS Connection Closure
10 Enclosing Messages as Data
10.1 Media Type message/http
10.2 Media Type application/http
11 Security Considerations
11.1 Response Splitting
11.2 Request Smuggling
11.3 Message Integrity
11.4 Message Confidentiality
12 IANA Considerations
12.1 Field Name Registration
12.2 Media Type Registration
12.3 Transfer Coding Registration
12.4 ALPN Protocol ID Registration
13 References
13.1 Normative References
13.2 Informative References
A Collected ABNF
B Differences between HTTP and MIME
B.1 MIME-Version
B.2 Conversion to Canonical Form
B.3 Conversion of Date Formats
B.4 Conversion of Content-Encoding
B.5 Conversion of Content-Transfer-Encoding
B.6 MHTML and Line Length Limitations
C Changes from Previous RFCs
C.1 Changes from HTTP/0.9
C.2 Changes from HTTP/1.0
C.2.1 Multihomed Web Servers
C.2.2 Keep-Alive Connections
C.2.3 Introduction of Transfer-Encoding
C.3 Changes from RFC 7230
`,
  ),
  7617: table(
    "The 'Basic' HTTP Authentication Scheme",
    `
1 Introduction
1.1 Terminology and Notation
2 The 'Basic' Authentication Scheme
2.1 The 'charset' auth-param
2.2 Reusing Credentials
3 Internationalization Considerations
4 Security Considerations
5 IANA Considerations
6 References
6.1 Normative References
6.2 Informative References
A Changes from RFC 2617
B Acknowledgements
`,
  ),
  7616: table(
    'HTTP Digest Access Authentication',
    `
1 Introduction
1.1 Terminology
2 Syntax Convention
2.1 Examples
2.2 ABNF
3 Digest Access Authentication Scheme
3.1 Overall Operation
3.2 Representation of Digest Values
3.3 The WWW-Authenticate Response Header Field
3.4 The Authorization Header Field
3.4.1 Response
3.4.2 A1
3.4.3 A2
3.4.4 Username Hashing
3.4.5 Parameter Values and Quoted-String
3.4.6 Various Considerations
3.5 The Authentication-Info Header Field
3.6 Digest Operation
3.7 Security Protocol Negotiation
3.8 Proxy-Authenticate and Proxy-Authorization
3.9 Examples
3.9.1 Example with SHA-256 and MD5
3.9.2 Example with SHA-512-256, Charset, and Userhash
4 Internationalization Considerations
5 Security Considerations
5.1 Limitations
5.2 Storing Passwords
5.3 Authentication of Clients Using Digest Authentication
5.4 Limited-Use Nonce Values
5.5 Replay Attacks
5.6 Weakness Created by Multiple Authentication Schemes
5.7 Online Dictionary Attacks
5.8 Man-in-the-Middle Attacks
5.9 Chosen Plaintext Attacks
5.10 Precomputed Dictionary Attacks
5.11 Batch Brute-Force Attacks
5.12 Parameter Randomness
5.13 Summary
6 IANA Considerations
6.1 Hash Algorithms for HTTP Digest Authentication
6.1.1 Creation of Registry
6.1.2 Registration Procedure
6.2 Digest Scheme Registration
7 References
7.1 Normative References
7.2 Informative References
A Changes from RFC 2617
`,
  ),
  7235: table(
    'HTTP/1.1: Authentication (obsoleted by RFC 9110)',
    `
1 Introduction
1.1 Conformance and Error Handling
1.2 Syntax Notation
2 Access Authentication Framework
2.1 Challenge and Response
2.2 Protection Space (Realm)
3 Status Code Definitions
3.1 401 Unauthorized
3.2 407 Proxy Authentication Required
4 Header Field Definitions
4.1 WWW-Authenticate
4.2 Authorization
4.3 Proxy-Authenticate
4.4 Proxy-Authorization
5 IANA Considerations
5.1 Authentication Scheme Registry
5.1.1 Procedure
5.1.2 Considerations for New Authentication Schemes
5.2 Status Code Registration
5.3 Header Field Registration
6 Security Considerations
6.1 Confidentiality of Credentials
6.2 Authentication Credentials and Idle Clients
6.3 Protection Spaces
7 Acknowledgments
8 References
8.1 Normative References
8.2 Informative References
A Changes from RFCs 2616 and 2617
B Imported ABNF
C Collected ABNF
`,
  ),
  6750: table(
    'The OAuth 2.0 Authorization Framework: Bearer Token Usage',
    `
1 Introduction
1.1 Notational Conventions
1.2 Terminology
1.3 Overview
2 Authenticated Requests
2.1 Authorization Request Header Field
2.2 Form-Encoded Body Parameter
2.3 URI Query Parameter
3 The WWW-Authenticate Response Header Field
3.1 Error Codes
4 Example Access Token Response
5 Security Considerations
5.1 Security Threats
5.2 Threat Mitigation
5.3 Summary of Recommendations
6 IANA Considerations
6.1 OAuth Access Token Type Registration
6.1.1 The "Bearer" OAuth Access Token Type
6.2 OAuth Extensions Error Registration
6.2.1 The "invalid_request" Error Value
6.2.2 The "invalid_token" Error Value
6.2.3 The "insufficient_scope" Error Value
7 References
7.1 Normative References
7.2 Informative References
A Acknowledgements
`,
  ),
  6749: table(
    'The OAuth 2.0 Authorization Framework',
    `
1 Introduction
1.1 Roles
1.2 Protocol Flow
1.3 Authorization Grant
1.3.1 Authorization Code
1.3.2 Implicit
1.3.3 Resource Owner Password Credentials
1.3.4 Client Credentials
1.4 Access Token
1.5 Refresh Token
1.6 TLS Version
1.7 HTTP Redirections
1.8 Interoperability
1.9 Notational Conventions
2 Client Registration
2.1 Client Types
2.2 Client Identifier
2.3 Client Authentication
2.3.1 Client Password
2.3.2 Other Authentication Methods
2.4 Unregistered Clients
3 Protocol Endpoints
3.1 Authorization Endpoint
3.1.1 Response Type
3.1.2 Redirection Endpoint
3.1.2.1 Endpoint Request Confidentiality
3.1.2.2 Registration Requirements
3.1.2.3 Dynamic Configuration
3.1.2.4 Invalid Endpoint
3.1.2.5 Endpoint Content
3.2 Token Endpoint
3.2.1 Client Authentication
3.3 Access Token Scope
4 Obtaining Authorization
4.1 Authorization Code Grant
4.1.1 Authorization Request
4.1.2 Authorization Response
4.1.2.1 Error Response
4.1.3 Access Token Request
4.1.4 Access Token Response
4.2 Implicit Grant
4.2.1 Authorization Request
4.2.2 Access Token Response
4.2.2.1 Error Response
4.3 Resource Owner Password Credentials Grant
4.3.1 Authorization Request and Response
4.3.2 Access Token Request
4.3.3 Access Token Response
4.4 Client Credentials Grant
4.4.1 Authorization Request and Response
4.4.2 Access Token Request
4.4.3 Access Token Response
4.5 Extension Grants
5 Issuing an Access Token
5.1 Successful Response
5.2 Error Response
6 Refreshing an Access Token
7 Accessing Protected Resources
7.1 Access Token Types
7.2 Error Response
8 Extensibility
8.1 Defining Access Token Types
8.2 Defining New Endpoint Parameters
8.3 Defining New Authorization Grant Types
8.4 Defining New Authorization Endpoint Response Types
8.5 Defining Additional Error Codes
9 Native Applications
10 Security Considerations
10.1 Client Authentication
10.2 Client Impersonation
10.3 Access Tokens
10.4 Refresh Tokens
10.5 Authorization Codes
10.6 Authorization Code Redirection URI Manipulation
10.7 Resource Owner Password Credentials
10.8 Request Confidentiality
10.9 Ensuring Endpoint Authenticity
10.10 Credentials-Guessing Attacks
10.11 Phishing Attacks
10.12 Cross-Site Request Forgery
10.13 Clickjacking
10.14 Code Injection and Input Validation
10.15 Open Redirectors
10.16 Misuse of Access Token to Impersonate Resource Owner in Implicit Flow
11 IANA Considerations
11.1 OAuth Access Token Types Registry
11.1.1 Registration Template
11.2 OAuth Parameters Registry
11.2.1 Registration Template
11.2.2 Initial Registry Contents
11.3 OAuth Authorization Endpoint Response Types Registry
11.3.1 Registration Template
11.3.2 Initial Registry Contents
11.4 OAuth Extensions Error Registry
11.4.1 Registration Template
12 References
12.1 Normative References
12.2 Informative References
A Augmented Backus-Naur Form (ABNF) Syntax
B Use of application/x-www-form-urlencoded Media Type
C Acknowledgements
`,
  ),
  7519: table(
    'JSON Web Token (JWT)',
    `
1 Introduction
1.1 Notational Conventions
2 Terminology
3 JSON Web Token (JWT) Overview
3.1 Example JWT
4 JWT Claims
4.1 Registered Claim Names
4.1.1 "iss" (Issuer) Claim
4.1.2 "sub" (Subject) Claim
4.1.3 "aud" (Audience) Claim
4.1.4 "exp" (Expiration Time) Claim
4.1.5 "nbf" (Not Before) Claim
4.1.6 "iat" (Issued At) Claim
4.1.7 "jti" (JWT ID) Claim
4.2 Public Claim Names
4.3 Private Claim Names
5 JOSE Header
5.1 "typ" (Type) Header Parameter
5.2 "cty" (Content Type) Header Parameter
5.3 Replicating Claims as Header Parameters
6 Unsecured JWTs
6.1 Example Unsecured JWT
7 Creating and Validating JWTs
7.1 Creating a JWT
7.2 Validating a JWT
7.3 String Comparison Rules
8 Implementation Requirements
9 URI for Declaring that Content is a JWT
10 IANA Considerations
10.1 JSON Web Token Claims Registry
10.1.1 Registration Template
10.1.2 Initial Registry Contents
10.2 Sub-Namespace Registration of urn:ietf:params:oauth:token-type:jwt
10.2.1 Registry Contents
10.3 Media Type Registration
10.3.1 Registry Contents
10.4 Header Parameter Names Registration
10.4.1 Registry Contents
11 Security Considerations
11.1 Trust Decisions
11.2 Signing and Encryption Order
12 Privacy Considerations
13 References
13.1 Normative References
13.2 Informative References
A JWT Examples
A.1 Example Encrypted JWT
A.2 Example Nested JWT
B Relationship of JWTs to SAML Assertions
C Relationship of JWTs to Simple Web Tokens (SWTs)
`,
  ),
  8725: table(
    'JSON Web Token Best Current Practices',
    `
1 Introduction
1.1 Target Audience
1.2 Conventions Used in This Document
2 Threats and Vulnerabilities
2.1 Weak Signatures and Insufficient Signature Validation
2.2 Weak Symmetric Keys
2.3 Incorrect Composition of Encryption and Signature
2.4 Plaintext Leakage through Analysis of Ciphertext Length
2.5 Insecure Use of Elliptic Curve Encryption
2.6 Multiplicity of JSON Encodings
2.7 Substitution Attacks
2.8 Cross-JWT Confusion
2.9 Indirect Attacks on the Server
3 Best Practices
3.1 Perform Algorithm Verification
3.2 Use Appropriate Algorithms
3.3 Validate All Cryptographic Operations
3.4 Validate Cryptographic Inputs
3.5 Ensure Cryptographic Keys Have Sufficient Entropy
3.6 Avoid Compression of Encryption Inputs
3.7 Use UTF-8
3.8 Validate Issuer and Subject
3.9 Use and Validate Audience
3.10 Do Not Trust Received Claims
3.11 Use Explicit Typing
3.12 Use Mutually Exclusive Validation Rules for Different Kinds of JWTs
4 Security Considerations
5 IANA Considerations
6 References
6.1 Normative References
6.2 Informative References
`,
  ),
  9457: table(
    'Problem Details for HTTP APIs',
    `
1 Introduction
2 Requirements Language
3 The Problem Details JSON Object
3.1 Members of a Problem Details Object
3.1.1 "type"
3.1.2 "status"
3.1.3 "title"
3.1.4 "detail"
3.1.5 "instance"
3.2 Extension Members
4 Defining New Problem Types
4.1 Example
4.2 Registered Problem Types
4.2.1 about:blank
5 Security Considerations
6 IANA Considerations
6.1 HTTP Problem Types
6.2 Media Types
6.2.1 application/problem+json
6.2.2 application/problem+xml
7 References
7.1 Normative References
7.2 Informative References
A JSON Schema for HTTP Problems
B HTTP Problems and XML
C Using Problem Details with Other Formats
D Changes from RFC 7807
`,
  ),
  6585: table(
    'Additional HTTP Status Codes',
    `
1 Introduction
2 Requirements
3 428 Precondition Required
4 429 Too Many Requests
5 431 Request Header Fields Too Large
6 511 Network Authentication Required
7 Security Considerations
7.1 428 Precondition Required
7.2 429 Too Many Requests
7.3 431 Request Header Fields Too Large
7.4 511 Network Authentication Required
8 IANA Considerations
9 References
`,
  ),
  6265: table(
    'HTTP State Management Mechanism',
    `
1 Introduction
2 Conventions
2.1 Conformance Criteria
2.2 Syntax Notation
2.3 Terminology
3 Overview
3.1 Examples
4 Server Requirements
4.1 Set-Cookie
4.1.1 Syntax
4.1.2 Semantics (Non-Normative)
4.1.2.1 The Expires Attribute
4.1.2.2 The Max-Age Attribute
4.1.2.3 The Domain Attribute
4.1.2.4 The Path Attribute
4.1.2.5 The Secure Attribute
4.1.2.6 The HttpOnly Attribute
4.2 Cookie
4.2.1 Syntax
4.2.2 Semantics
5 User Agent Requirements
5.1 Subcomponent Algorithms
5.1.1 Dates
5.1.2 Canonicalized Host Names
5.1.3 Domain Matching
5.1.4 Paths and Path-Match
5.2 The Set-Cookie Header
5.2.1 The Expires Attribute
5.2.2 The Max-Age Attribute
5.2.3 The Domain Attribute
5.2.4 The Path Attribute
5.2.5 The Secure Attribute
5.2.6 The HttpOnly Attribute
5.3 Storage Model
5.4 The Cookie Header
6 Implementation Considerations
6.1 Limits
6.2 Application Programming Interfaces
6.3 IDNA Dependency and Migration
7 Privacy Considerations
7.1 Third-Party Cookies
7.2 User Controls
7.3 Expiration Dates
8 Security Considerations
8.1 Overview
8.2 Ambient Authority
8.3 Clear Text
8.4 Session Identifiers
8.5 Weak Confidentiality
8.6 Weak Integrity
8.7 Reliance on DNS
9 IANA Considerations
9.1 Cookie
9.2 Set-Cookie
9.3 Cookie2
9.4 Set-Cookie2
10 References
10.1 Normative References
10.2 Informative References
A Acknowledgements
`,
  ),
  // Two levels plus the sections on HTTP semantics and security; add deeper ones from the RFC when cited.
  9113: table(
    'HTTP/2',
    `
1 Introduction
2 HTTP/2 Protocol Overview
2.1 Document Organization
2.2 Conventions and Terminology
3 Starting HTTP/2
3.1 HTTP/2 Version Identification
3.2 Starting HTTP/2 for "https" URIs
3.3 Starting HTTP/2 with Prior Knowledge
3.4 HTTP/2 Connection Preface
4 HTTP Frames
4.1 Frame Format
4.2 Frame Size
4.3 Field Section Compression and Decompression
5 Streams and Multiplexing
5.1 Stream States
5.2 Flow Control
5.3 Prioritization
5.4 Error Handling
5.5 Extending HTTP/2
6 Frame Definitions
6.1 DATA
6.2 HEADERS
6.3 PRIORITY
6.4 RST_STREAM
6.5 SETTINGS
6.6 PUSH_PROMISE
6.7 PING
6.8 GOAWAY
6.9 WINDOW_UPDATE
6.10 CONTINUATION
7 Error Codes
8 Expressing HTTP Semantics in HTTP/2
8.1 HTTP Message Framing
8.1.1 Malformed Messages
8.2 HTTP Fields
8.2.1 Field Validity
8.2.2 Connection-Specific Header Fields
8.2.3 Compressing the Cookie Header Field
8.3 HTTP Control Data
8.3.1 Request Pseudo-Header Fields
8.3.2 Response Pseudo-Header Fields
8.4 Server Push
8.5 The CONNECT Method
8.6 The Upgrade Header Field
8.7 Request Reliability
8.8 Examples
9 HTTP/2 Connections
9.1 Connection Management
9.2 Use of TLS Features
10 Security Considerations
10.1 Server Authority
10.2 Cross-Protocol Attacks
10.3 Intermediary Encapsulation Attacks
10.4 Cacheability of Pushed Responses
10.5 Denial-of-Service Considerations
10.6 Use of Compression
10.7 Use of Padding
10.8 Privacy Considerations
10.9 Remote Timing Attacks
11 IANA Considerations
12 References
A Prohibited TLS 1.2 Cipher Suites
B Changes from RFC 7540
`,
  ),
  // Two levels; add deeper ones from the RFC when cited.
  8446: table(
    'The Transport Layer Security (TLS) Protocol Version 1.3',
    `
1 Introduction
1.1 Conventions and Terminology
1.2 Major Differences from TLS 1.2
1.3 Updates Affecting TLS 1.2
2 Protocol Overview
2.1 Incorrect DHE Share
2.2 Resumption and Pre-Shared Key (PSK)
2.3 0-RTT Data
3 Presentation Language
4 Handshake Protocol
4.1 Key Exchange Messages
4.2 Extensions
4.3 Server Parameters
4.4 Authentication Messages
4.5 End of Early Data
4.6 Post-Handshake Messages
5 Record Protocol
5.1 Record Layer
5.2 Record Payload Protection
5.3 Per-Record Nonce
5.4 Record Padding
5.5 Limits on Key Usage
6 Alert Protocol
6.1 Closure Alerts
6.2 Error Alerts
7 Cryptographic Computations
7.1 Key Schedule
7.2 Updating Traffic Secrets
7.3 Traffic Key Calculation
7.4 (EC)DHE Shared Secret Calculation
7.5 Exporters
8 0-RTT and Anti-Replay
8.1 Single-Use Tickets
8.2 Client Hello Recording
8.3 Freshness Checks
9 Compliance Requirements
9.1 Mandatory-to-Implement Cipher Suites
9.2 Mandatory-to-Implement Extensions
9.3 Protocol Invariants
10 Security Considerations
11 IANA Considerations
12 References
A State Machine
B Protocol Data Structures and Constant Values
C Implementation Notes
D Backward Compatibility
E Overview of Security Properties
`,
  ),
  6797: table(
    'HTTP Strict Transport Security (HSTS)',
    `
1 Introduction
1.1 Organization of This Specification
1.2 Document Conventions
2 Overview
2.1 Use Cases
2.2 HTTP Strict Transport Security Policy Effects
2.3 Threat Model
2.4 Requirements
3 Conformance Criteria
4 Terminology
5 HSTS Mechanism Overview
5.1 HSTS Host Declaration
5.2 HSTS Policy
5.3 HSTS Policy Storage and Maintenance by User Agents
5.4 User Agent HSTS Policy Enforcement
6 Syntax
6.1 Strict-Transport-Security HTTP Response Header Field
6.1.1 The max-age Directive
6.1.2 The includeSubDomains Directive
6.2 Examples
7 Server Processing Model
7.1 HTTP-over-Secure-Transport Request Type
7.2 HTTP Request Type
8 User Agent Processing Model
8.1 Strict-Transport-Security Response Header Field Processing
8.1.1 Noting an HSTS Host - Storage Model
8.2 Known HSTS Host Domain Name Matching
8.3 URI Loading and Port Mapping
8.4 Errors in Secure Transport Establishment
8.5 HTTP-Equiv <Meta> Element Attribute
8.6 Missing Strict-Transport-Security Response Header Field
9 Constructing an Effective Request URI
10 Domain Name IDNA-Canonicalization
11 Server Implementation and Deployment Advice
12 User Agent Implementation Advice
12.1 No User Recourse
12.2 User-Declared HSTS Policy
12.3 HSTS Pre-Loaded List
12.4 Disallow Mixed Security Context Loads
12.5 HSTS Policy Deletion
13 Internationalized Domain Names for Applications (IDNA): Dependency and Migration
14 Security Considerations
14.1 Underlying Secure Transport Considerations
14.2 Non-Conformant User Agent Implications
14.3 Ramifications of HSTS Policy Establishment Only over Error-Free Secure Transport
14.4 The Need for includeSubDomains
14.5 Denial of Service
14.6 Bootstrap MITM Vulnerability
14.7 Network Time Attacks
14.8 Bogus Root CA Certificate Phish plus DNS Cache Poisoning Attack
14.9 Creative Manipulation of HSTS Policy Store
14.10 Internationalized Domain Names
15 IANA Considerations
16 References
A Design Decision Notes
B Differences between HSTS Policy and Same-Origin Policy
C Acknowledgments
`,
  ),
  9700: table(
    'Best Current Practice for OAuth 2.0 Security',
    `
1 Introduction
1.1 Structure
1.2 Conventions and Terminology
2 Best Practices
2.1 Protecting Redirect-Based Flows
2.1.1 Authorization Code Grant
2.1.2 Implicit Grant
2.2 Token Replay Prevention
2.2.1 Access Tokens
2.2.2 Refresh Tokens
2.3 Access Token Privilege Restriction
2.4 Resource Owner Password Credentials Grant
2.5 Client Authentication
2.6 Other Recommendations
3 The Updated OAuth 2.0 Attacker Model
4 Attacks and Mitigations
4.1 Insufficient Redirect URI Validation
4.2 Credential Leakage via Referer Headers
4.3 Credential Leakage via Browser History
4.4 Mix-Up Attacks
4.5 Authorization Code Injection
4.6 Access Token Injection
4.7 Cross-Site Request Forgery
4.8 PKCE Downgrade Attack
4.9 Access Token Leakage at the Resource Server
4.10 Misuse of Stolen Access Tokens
4.11 Open Redirection
4.12 307 Redirect
4.13 TLS Terminating Reverse Proxies
4.14 Refresh Token Protection
4.15 Client Impersonating Resource Owner
4.16 Clickjacking
4.17 Attacks on In-Browser Communication Flows
4.18 Authorization Server Redirecting to Phishing Site
5 IANA Considerations
6 Security Considerations
7 References
`,
  ),
};

/** The title of `section` ("15.5.2", "B.1") in RFC `rfc`, or undefined when either is unknown. */
export function findRfcSection(rfc: number, section: string): string | undefined {
  return RFC_SECTIONS[rfc]?.sections.get(section);
}
