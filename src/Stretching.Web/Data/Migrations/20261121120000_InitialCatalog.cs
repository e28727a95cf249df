using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Stretching.Web.Data.Migrations;

/// <summary>
/// Hand-written (the EF design package cannot be restored here) and provider-neutral, like every migration
/// here: no column types, so SQLite and PostgreSQL each map the model's own types, and an identity column
/// carries both providers' annotations. SchemaTests keep it equal to the model on both.
/// </summary>
[DbContext(typeof(StretchingDbContext))]
[Migration("20261121120000_InitialCatalog")]
public sealed class InitialCatalog : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Exercises",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                Slug = table.Column<string>(maxLength: 100, nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Document = table.Column<string>(nullable: false),
                UpdatedAt = table.Column<DateTimeOffset>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Exercises", x => x.Id));

        migrationBuilder.CreateIndex(
            name: "IX_Exercises_Slug",
            table: "Exercises",
            column: "Slug",
            unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "Exercises");
    }
}
