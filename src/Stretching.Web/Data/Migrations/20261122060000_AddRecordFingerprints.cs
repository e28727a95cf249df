using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Stretching.Web.Data.Migrations;

/// <summary>
/// A fingerprint on each played session, indexed by person, so one small query tells whether a person's
/// history changed since the advice and reports were worked out from it (History/HistoryVersion.cs).
/// Records stored before hold null; the version still counts them.
/// </summary>
[DbContext(typeof(StretchingDbContext))]
[Migration("20261122060000_AddRecordFingerprints")]
public sealed class AddRecordFingerprints : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>(name: "Fingerprint", table: "SessionRecords", nullable: true);
        migrationBuilder.CreateIndex(name: "IX_SessionRecords_UserId_Fingerprint", table: "SessionRecords", columns: ["UserId", "Fingerprint"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_SessionRecords_UserId_Fingerprint", table: "SessionRecords");
        migrationBuilder.DropColumn(name: "Fingerprint", table: "SessionRecords");
    }
}
