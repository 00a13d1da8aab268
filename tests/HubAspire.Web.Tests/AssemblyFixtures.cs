using HubAspire.Testing.Postgres;

// One PostgreSQL server for the whole assembly; each fixture makes its own database on it.
[assembly: AssemblyFixture(typeof(PostgresFixture))]

// One collection at a time: each whole-stack fixture (generator, ETL, API, web host, Chromium)
// would otherwise start beside the others on two cores and starve the browser's waits.
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]
