using HubAspire.Testing.Postgres;

// One PostgreSQL server for the whole assembly; each fixture makes its own database on it.
[assembly: AssemblyFixture(typeof(PostgresFixture))]
