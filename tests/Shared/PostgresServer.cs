using Npgsql;
using Stretching.Web.Data;

namespace Stretching.Testing;

/// <summary>
/// The PostgreSQL server the PostgreSQL half of the tests runs on: <c>STRETCHING_TEST_POSTGRES</c> (a
/// connection string for a role that may create databases; .ci/run sets it up), or the role .ci/run
/// makes on localhost. Each test database is created and dropped by its fixture. Without a server these
/// tests skip, unless <c>STRETCHING_REQUIRE_POSTGRES=1</c> demands them, as CI does. Linked into the web and browser test projects.
/// </summary>
internal static class PostgresServer
{
    public const string RequireVariable = "STRETCHING_REQUIRE_POSTGRES";
    public const string ConnectionVariable = "STRETCHING_TEST_POSTGRES";
    private const string LocalDefault = "Host=localhost;Username=stretching_tests;Password=stretching_tests";

    private static readonly Lazy<string?> Unreachable = new(Probe);

    /// <summary>The server's maintenance database, from which test databases are created and dropped.</summary>
    public static string AdminConnectionString
    {
        get
        {
            var builder = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } given ? given : LocalDefault);
            if (string.IsNullOrEmpty(builder.Database)) builder.Database = "postgres";
            return builder.ConnectionString;
        }
    }

    /// <summary>Null when the PostgreSQL tests should run: a server answers, or CI demands them.</summary>
    public static string? SkipReason =>
        Environment.GetEnvironmentVariable(RequireVariable) == "1" || Unreachable.Value is not { } problem
            ? null
            : $"No PostgreSQL server for the tests ({problem}). Run .ci/run's PostgreSQL setup or set {ConnectionVariable} to a connection string for a role that may create databases; set {RequireVariable}=1 to fail instead of skipping.";

    private static string? Probe()
    {
        try
        {
            using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(AdminConnectionString) { Timeout = 3 }.ConnectionString);
            connection.Open();
            return null;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or ArgumentException)
        {
            return e.Message;
        }
    }

    /// <summary>A new, empty database of its own; its options point the app or a context at it.</summary>
    public static DatabaseOptions CreateDatabase()
    {
        var name = $"stretching_test_{Guid.NewGuid():N}";
        Execute($"CREATE DATABASE \"{name}\"");
        var builder = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name };
        return new DatabaseOptions(DatabaseProvider.PostgreSql, builder.ConnectionString);
    }

    public static void DropDatabase(DatabaseOptions database)
    {
        var name = new NpgsqlConnectionStringBuilder(database.ConnectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        // FORCE ends the sessions a pool somewhere may still hold (PostgreSQL 13 and later).
        Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(AdminConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
