using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Stretching.Web.Data.EntityConfigurations;

public sealed class UserProfileConfiguration : IEntityTypeConfiguration<UserProfile>
{
    public void Configure(EntityTypeBuilder<UserProfile> builder)
    {
        builder.ToTable("UserProfiles");
        builder.HasKey(p => p.UserId);
        builder.Property(p => p.Level).HasMaxLength(20).IsRequired();
        builder.Property(p => p.Equipment).IsRequired();
        builder.Property(p => p.TimeZone).HasMaxLength(64);
        builder.HasOne<ApplicationUser>().WithOne().HasForeignKey<UserProfile>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class SavedSessionConfiguration : IEntityTypeConfiguration<SavedSession>
{
    public void Configure(EntityTypeBuilder<SavedSession> builder)
    {
        builder.ToTable("SavedSessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasMaxLength(32);
        builder.Property(s => s.UserId).IsRequired();
        builder.Property(s => s.Name).HasMaxLength(100).IsRequired();
        builder.Property(s => s.Source).IsRequired();
        builder.Property(s => s.Document).IsRequired();
        builder.Property(s => s.CatalogVersion).HasMaxLength(32).IsRequired();
        builder.Property(s => s.Revision).IsConcurrencyToken();
        builder.HasIndex(s => new { s.UserId, s.UpdatedAt });
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class FavouriteConfiguration : IEntityTypeConfiguration<Favourite>
{
    public void Configure(EntityTypeBuilder<Favourite> builder)
    {
        builder.ToTable("Favourites");
        builder.HasKey(f => new { f.UserId, f.Slug });
        builder.Property(f => f.Slug).HasMaxLength(100);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class PlanSettingsConfiguration : IEntityTypeConfiguration<PlanSettings>
{
    public void Configure(EntityTypeBuilder<PlanSettings> builder)
    {
        builder.ToTable("Plans");
        builder.HasKey(p => p.UserId);
        builder.Property(p => p.Goal).HasMaxLength(40).IsRequired();
        builder.Property(p => p.TimeZone).HasMaxLength(64).IsRequired();
        builder.Property(p => p.TrainingDays).IsRequired();
        builder.Property(p => p.CalendarTokenHash).HasMaxLength(64);
        builder.HasIndex(p => p.CalendarTokenHash).IsUnique();
        builder.HasOne<ApplicationUser>().WithOne().HasForeignKey<PlanSettings>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class PlanSlotConfiguration : IEntityTypeConfiguration<PlanSlotRow>
{
    public void Configure(EntityTypeBuilder<PlanSlotRow> builder)
    {
        builder.ToTable("PlanSlots");
        // Slot ids are a person's own (a generated plan names its slots by day), so the key includes the owner.
        builder.HasKey(s => new { s.UserId, s.Id });
        builder.Property(s => s.Id).HasMaxLength(32);
        builder.Property(s => s.Time).HasMaxLength(5).IsRequired();
        builder.Property(s => s.Play).IsRequired();
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class PlanExceptionConfiguration : IEntityTypeConfiguration<PlanExceptionRow>
{
    public void Configure(EntityTypeBuilder<PlanExceptionRow> builder)
    {
        builder.ToTable("PlanExceptions");
        builder.HasKey(e => new { e.UserId, e.SlotId, e.Date });
        builder.Property(e => e.SlotId).HasMaxLength(32);
        builder.Property(e => e.MovedToTime).HasMaxLength(5);
        builder.HasOne<PlanSlotRow>().WithMany().HasForeignKey(e => new { e.UserId, e.SlotId }).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class SessionRecordConfiguration : IEntityTypeConfiguration<SessionRecordRow>
{
    public void Configure(EntityTypeBuilder<SessionRecordRow> builder)
    {
        builder.ToTable("SessionRecords");
        builder.HasKey(r => new { r.UserId, r.Id });
        builder.Property(r => r.Id).HasMaxLength(36);
        builder.Property(r => r.TimeZone).HasMaxLength(64).IsRequired();
        builder.Property(r => r.Title).HasMaxLength(200).IsRequired();
        builder.Property(r => r.OccurrenceId).HasMaxLength(48);
        builder.Property(r => r.Input).IsRequired();
        builder.Property(r => r.Snapshot).IsRequired();
        builder.Property(r => r.ContentHash).HasMaxLength(64).IsRequired();
        builder.HasIndex(r => new { r.UserId, r.StartedAt });
        // The marks are found by this index alone, without reading the long records that hold none.
        builder.HasIndex(r => new { r.UserId, r.Marks });
        // The history's version (how many records, the sum of their fingerprints) is read from this index alone.
        builder.HasIndex(r => new { r.UserId, r.Fingerprint });
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ExerciseReturnConfiguration : IEntityTypeConfiguration<ExerciseReturn>
{
    public void Configure(EntityTypeBuilder<ExerciseReturn> builder)
    {
        builder.ToTable("ExerciseReturns");
        builder.HasKey(r => new { r.UserId, r.Slug });
        builder.Property(r => r.Slug).HasMaxLength(100);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ReportShareConfiguration : IEntityTypeConfiguration<ReportShareRow>
{
    public void Configure(EntityTypeBuilder<ReportShareRow> builder)
    {
        builder.ToTable("ReportShares");
        builder.HasKey(s => new { s.UserId, s.Id });
        builder.Property(s => s.Id).HasMaxLength(16);
        builder.Property(s => s.TokenHash).HasMaxLength(64).IsRequired();
        builder.HasIndex(s => s.TokenHash).IsUnique();
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
