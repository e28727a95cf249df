using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Stretching.Web.Data.Migrations;

/// <summary>
/// Each played session's marks (exercises felt good or hurt) beside the record, indexed by person, so
/// the advice finds a person's old hurt marks without reading two years of sessions in full. Records
/// stored before keep null there and are read from their input, so nothing has to be rewritten.
/// </summary>
[DbContext(typeof(StretchingDbContext))]
[Migration("20261122040000_AddRecordMarks")]
public sealed class AddRecordMarks : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "Marks", table: "SessionRecords", nullable: true);
        migrationBuilder.CreateIndex(name: "IX_SessionRecords_UserId_Marks", table: "SessionRecords", columns: ["UserId", "Marks"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_SessionRecords_UserId_Marks", table: "SessionRecords");
        migrationBuilder.DropColumn(name: "Marks", table: "SessionRecords");
    }
}
