// V8 runs a regular expression from bytecode the first time and compiles it
// to machine code from the second. chrono-node's date patterns are large
// (a time unit repeated up to ten times, every number word), and compiling
// them cost a build of three articles some 110 ms of its 400 ms of
// enrichment; waiting for ten runs compiles only the patterns that go on
// being used, and a build of 1,000 articles is no slower for it. Imported
// first by the command (and the bench's runners, which stand in for it),
// before any pattern has run.
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--regexp-tier-up-ticks=10');
