using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Stretching.Web.Data.Migrations;

/// <summary>Each person's saved sessions (with the timeline they play) and favourite exercises.</summary>
[DbContext(typeof(StretchingDbContext))]
[Migration("20261122010000_AddLibrary")]
public sealed class AddLibrary : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "SavedSessions",
            columns: table => new
            {
                Id = table.Column<string>(maxLength: 32, nullable: false),
                UserId = table.Column<string>(nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                Source = table.Column<string>(nullable: false),
                Document = table.Column<string>(nullable: false),
                CatalogVersion = table.Column<string>(maxLength: 32, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                Revision = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SavedSessions", x => x.Id);
                table.ForeignKey(
                    name: "FK_SavedSessions_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Favourites",
            columns: table => new
            {
                UserId = table.Column<string>(nullable: false),
                Slug = table.Column<string>(maxLength: 100, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Favourites", x => new { x.UserId, x.Slug });
                table.ForeignKey(
                    name: "FK_Favourites_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "IX_SavedSessions_UserId_UpdatedAt",
            table: "SavedSessions",
            columns: ["UserId", "UpdatedAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "Favourites");
        migrationBuilder.DropTable(name: "SavedSessions");
    }
}
