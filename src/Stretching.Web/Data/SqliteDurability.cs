using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace Stretching.Web.Data;

/// <summary>
/// What every SQLite connection does before its first command, so an acknowledged write is never
/// lost: write-ahead logging (readers never block the writer; a crash leaves the last committed
/// transaction in the log, replayed on the next open) with synchronous=FULL (each commit is on disk
/// before it is acknowledged, which survives a power cut too, not just a killed process), and a
/// busy timeout so concurrent writers wait for each other instead of failing. Read-only connections
/// (EF Core opens one to ask whether the database exists) are left alone: switching a database that
/// another instance has just created to WAL is a write, which a read-only connection must not try.
/// The settings belong to the native connection, which the pool keeps open between uses, so they are
/// applied once per native connection rather than on every open (a few statements on every request).
/// </summary>
public sealed class SqliteDurability : DbConnectionInterceptor
{
    public const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000; PRAGMA foreign_keys=ON;";

    private static readonly ConditionalWeakTable<sqlite3, object> Configured = new();
    private static readonly ConcurrentDictionary<string, bool> ReadOnly = new(StringComparer.Ordinal);
    private static readonly object Applied = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!NeedsPragmas(connection)) return;
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
        Remember(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!NeedsPragmas(connection)) return;
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
        Remember(connection);
    }

    private static bool NeedsPragmas(DbConnection connection) =>
        !ReadOnly.GetOrAdd(connection.ConnectionString, text => new SqliteConnectionStringBuilder(text).Mode == SqliteOpenMode.ReadOnly)
        && (connection is not SqliteConnection { Handle: { } handle } || !Configured.TryGetValue(handle, out _));

    private static void Remember(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle }) Configured.AddOrUpdate(handle, Applied);
    }
}
