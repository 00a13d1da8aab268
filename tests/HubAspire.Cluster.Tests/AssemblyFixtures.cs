using HubAspire.Testing.Postgres;
[assembly: AssemblyFixture(typeof(PostgresFixture))]
