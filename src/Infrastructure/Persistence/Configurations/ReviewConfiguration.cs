using CaseManager.Domain.Cases;
using CaseManager.Domain.Notifications;
using CaseManager.Domain.Households;
using CaseManager.Domain.Reviews;
using CaseManager.Domain.Sharing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseManager.Infrastructure.Persistence.Configurations;

internal sealed class ReviewConfiguration : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> builder)
    {
        // A review is of a case or of a consent, never both and never neither; about a person or (a family case's) a
        // household, never both and never neither.
        builder.ToTable("Reviews", t =>
        {
            t.HasCheckConstraint("CK_Reviews_CaseOrConsent", "(\"CaseId\" IS NULL) <> (\"ConsentId\" IS NULL)");
            t.HasCheckConstraint("CK_Reviews_PersonOrHousehold", "(\"PersonId\" IS NULL) <> (\"HouseholdId\" IS NULL)");
        });
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.IsOpen);
        builder.Property(r => r.Summary).HasMaxLength(4000);
        builder.HasOne<Case>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Consent>().WithMany().HasForeignKey(r => r.ConsentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Household>().WithMany().HasForeignKey(r => r.HouseholdId).OnDelete(DeleteBehavior.Restrict);

        // A consent is reviewed once: at most one review per consent, whatever its state. The job's backfill inserts
        // consent reviews if absent against this index. Case reviews have no consent, and nulls never collide.
        builder.HasIndex(r => r.ConsentId).IsUnique();

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
