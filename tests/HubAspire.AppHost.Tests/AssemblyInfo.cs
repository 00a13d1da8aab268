using System.Runtime.Versioning;
using Xunit.Sdk;
using Xunit.v3;

// Each test class starts a whole AppHost (DCP, PostgreSQL, the generator): one at a time is
// kinder to a 2-core machine than several racing each other's timeouts.
[assembly: Parallelization(Mode = ParallelMode.None)]

// Processes are found through /proc and the data directory's permissions are Unix ones.
[assembly: SupportedOSPlatform("linux")]
