using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Stretching.Web.Data;

/// <summary>
/// What every SQLite connection does before its first command, so an acknowledged write is never
/// lost: write-ahead logging (readers never block the writer; a crash leaves the last committed
/// transaction in the log, replayed on the next open) with synchronous=FULL (each commit is on disk
/// before it is acknowledged, which survives a power cut too, not just a killed process), and a
/// busy timeout so concurrent writers wait for each other instead of failing. Read-only connections
/// (EF Core opens one to ask whether the database exists) are left alone: switching a database that
/// another instance has just created to WAL is a write, which a read-only connection must not try.
/// </summary>
public sealed class SqliteDurability : DbConnectionInterceptor
{
    public const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000; PRAGMA foreign_keys=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsReadOnly(connection)) return;
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Apply(DbConnection connection)
    {
        if (IsReadOnly(connection)) return;
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    private static bool IsReadOnly(DbConnection connection) =>
        new SqliteConnectionStringBuilder(connection.ConnectionString).Mode == SqliteOpenMode.ReadOnly;
}
