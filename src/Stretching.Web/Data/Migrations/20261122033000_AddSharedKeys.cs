using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Stretching.Web.Data.Migrations;

/// <summary>
/// What several instances on one database must share: the data-protection keys (so a cookie one
/// instance made the others accept) and server secrets such as the calendar feed key.
/// </summary>
[DbContext(typeof(StretchingDbContext))]
[Migration("20261122033000_AddSharedKeys")]
public sealed class AddSharedKeys : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "DataProtectionKeys",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                FriendlyName = table.Column<string>(nullable: true),
                Xml = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_DataProtectionKeys", x => x.Id));

        migrationBuilder.CreateTable(
            name: "ServerSecrets",
            columns: table => new
            {
                Name = table.Column<string>(maxLength: 64, nullable: false),
                Value = table.Column<string>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_ServerSecrets", x => x.Name));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "ServerSecrets");
        migrationBuilder.DropTable(name: "DataProtectionKeys");
    }
}
