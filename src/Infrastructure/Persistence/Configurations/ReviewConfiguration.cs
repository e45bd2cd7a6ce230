using CaseManager.Domain.Cases;
using CaseManager.Domain.Notifications;
using CaseManager.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseManager.Infrastructure.Persistence.Configurations;

internal sealed class ReviewConfiguration : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> builder)
    {
        builder.ToTable("Reviews");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.IsOpen);
        builder.Property(r => r.Summary).HasMaxLength(4000);
        builder.HasOne<Case>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Restrict);

        // The reminder job pages through open reviews by due date, then id.
        builder.HasIndex(r => new { r.Status, r.DueOn, r.Id });
        builder.HasIndex(r => new { r.CaseId, r.Status });
        builder.HasIndex(r => new { r.OwnerAgency, r.Status, r.DueOn });
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("Notifications");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.PeriodKey).HasMaxLength(20).IsRequired();

        // Exactly once: a second insert of the same notice for the same period is refused by the database.
        builder.HasIndex(n => new { n.UserId, n.Kind, n.ReviewId, n.PeriodKey }).IsUnique();
        builder.HasIndex(n => new { n.UserId, n.ReadAt, n.CreatedAt });
        builder.HasIndex(n => new { n.UserId, n.Day });
    }
}

internal sealed class NotificationDigestConfiguration : IEntityTypeConfiguration<NotificationDigest>
{
    public void Configure(EntityTypeBuilder<NotificationDigest> builder)
    {
        builder.ToTable("NotificationDigests");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();

        // One digest per user per day.
        builder.HasIndex(d => new { d.UserId, d.Day }).IsUnique();
        builder.HasIndex(d => new { d.SentAt, d.Day });
    }
}
