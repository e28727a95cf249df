using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Stretching.Web.Data;
using Stretching.Web.Tests.Infrastructure;

namespace Stretching.Web.Tests.Data;

/// <summary>The hand-written migrations must build exactly the schema the model describes, on each provider.</summary>
public abstract class SchemaTests
{
    protected abstract TestDatabase NewDatabase();

    /// <summary>The schema as comparable lines, one per table, column, key, constraint or index.</summary>
    protected abstract string SchemaQuery { get; }

    [ProviderFact]
    public async Task TheMigratedSchemaEqualsTheSchemaCreatedFromTheModel()
    {
        using var migrated = NewDatabase();
        using var created = NewDatabase();
        await using (var db = migrated.CreateContext()) await db.Database.MigrateAsync();
        await using (var db = created.CreateContext()) await db.Database.EnsureCreatedAsync();

        var expected = await ReadSchemaAsync(created);
        var actual = await ReadSchemaAsync(migrated);

        Assert.NotEmpty(expected);
        foreach (var table in new[] { "AspNetUsers", "AspNetUserPasskeys", "AspNetUserTokens", "UserProfiles", "SavedSessions", "Favourites", "Plans", "PlanExceptions",
                     "SessionRecords", "DataProtectionKeys", "ServerSecrets" })
        {
            Assert.Contains(expected, row => row.StartsWith($"table {table}:", StringComparison.Ordinal));
        }
        Assert.Equal(expected, actual);
    }

    [ProviderFact]
    public async Task EveryMigrationIsAppliedAndNoneIsPendingAfterStartUp()
    {
        using var database = NewDatabase();
        await using var db = database.CreateContext();
        await db.Database.MigrateAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
    }

    private async Task<List<string>> ReadSchemaAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        DbConnection connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = SchemaQuery;
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }
}

public sealed class SchemaTestsOnSqlite : SchemaTests
{
    protected override TestDatabase NewDatabase() => TestDatabase.Sqlite();

    // SQLite keeps each table's and index's CREATE statement: equal statements, equal schema.
    // Each table's columns (in order, with type, nullability, default and key), foreign keys and
    // AUTOINCREMENT, and each index's SQL. Not a table's CREATE text: a column a later migration adds is
    // written there by ALTER TABLE in another place and layout than EnsureCreated writes it.
    protected override string SchemaQuery => """
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
}

[OnPostgreSql]
public sealed class SchemaTestsOnPostgreSql : SchemaTests
{
    protected override TestDatabase NewDatabase() => TestDatabase.PostgreSql();

    // Every column (type, nullability, length, default, identity), every primary, unique and foreign key
    // with what it references and does on delete, and every index with its definition. Columns are
    // compared by name, not position: EnsureCreated and the migrations may order them differently.
    protected override string SchemaQuery => """
        SELECT line FROM (
            SELECT 'table ' || c.table_name || ': ' || c.column_name || ' ' || c.data_type
                || COALESCE('(' || c.character_maximum_length || ')', '')
                || CASE WHEN c.is_nullable = 'NO' THEN ' not null' ELSE ' null' END
                || COALESCE(' default ' || c.column_default, '')
                || CASE WHEN c.is_identity = 'YES' THEN ' identity ' || c.identity_generation ELSE '' END AS line
            FROM information_schema.columns c
            WHERE c.table_schema = 'public' AND c.table_name NOT LIKE '\_\_EFMigrations%'
            UNION ALL
            SELECT 'constraint ' || t.relname || '.' || k.conname || ': ' || pg_get_constraintdef(k.oid)
            FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = 'public' AND k.contype IN ('p', 'u', 'f') AND t.relname NOT LIKE '\_\_EFMigrations%'
            UNION ALL
            SELECT 'index ' || i.tablename || '.' || i.indexname || ': ' || i.indexdef
            FROM pg_indexes i
            WHERE i.schemaname = 'public' AND i.tablename NOT LIKE '\_\_EFMigrations%'
        ) schema
        ORDER BY line COLLATE "C"
        """;
}
