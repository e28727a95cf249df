using Microsoft.EntityFrameworkCore;
using Stretching.Web.Data;

namespace Stretching.Web.Tests.Data;

/// <summary>The hand-written migrations must build exactly the schema the model describes.</summary>
public sealed class SchemaTests
{
    [Fact]
    public async Task TheMigratedSchemaEqualsTheSchemaCreatedFromTheModel()
    {
        using var migrated = new TestDatabase();
        using var created = new TestDatabase();
        await using (var db = migrated.CreateContext()) await db.Database.MigrateAsync();
        await using (var db = created.CreateContext()) await db.Database.EnsureCreatedAsync();

        var expected = await ReadSchemaAsync(created);
        var actual = await ReadSchemaAsync(migrated);

        Assert.NotEmpty(expected);
        foreach (var table in new[] { "AspNetUsers", "AspNetUserPasskeys", "AspNetUserTokens", "UserProfiles", "SavedSessions", "Favourites" })
        {
            Assert.Contains(expected, row => row.StartsWith($"table {table}:", StringComparison.Ordinal));
        }
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task EveryMigrationIsAppliedAndNoneIsPendingAfterStartUp()
    {
        using var database = new TestDatabase();
        await using var db = database.CreateContext();
        await db.Database.MigrateAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
    }

    /// <summary>
    /// Each table's columns (in order, with type, nullability, default and key), foreign keys and
    /// AUTOINCREMENT, and each index's SQL. Not a table's CREATE text: a column a later migration adds is
    /// written there by ALTER TABLE in another place and layout than EnsureCreated writes it.
    /// </summary>
    private static async Task<List<string>> ReadSchemaAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT 'table ' || m.name || ': '
                || (SELECT group_concat(c.name || ' ' || c.type || iif(c."notnull", ' NOT NULL', '') || ifnull(' DEFAULT ' || c.dflt_value, '') || iif(c.pk > 0, ' PK' || c.pk, ''), ', ')
                    FROM (SELECT * FROM pragma_table_info(m.name) ORDER BY cid) c)
                || '; ' || ifnull((SELECT group_concat(f."from" || ' -> ' || f."table" || '.' || f."to" || ' ON DELETE ' || f.on_delete, ', ')
                    FROM (SELECT * FROM pragma_foreign_key_list(m.name) ORDER BY id, seq) f), '')
                || iif(instr(m.sql, 'AUTOINCREMENT') > 0, '; AUTOINCREMENT', '')
            FROM sqlite_master m
            WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '__EFMigrations%'
            UNION ALL
            SELECT type || ' ' || name || ': ' || sql FROM sqlite_master
            WHERE type <> 'table' AND name NOT LIKE 'sqlite_%' AND sql IS NOT NULL
            ORDER BY 1
            """;
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }
}
