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
