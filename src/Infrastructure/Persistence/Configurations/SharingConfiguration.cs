using CaseManager.Domain.Cases;
using CaseManager.Domain.People;
using CaseManager.Domain.Sharing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseManager.Infrastructure.Persistence.Configurations;

internal sealed class SharingAgreementConfiguration : IEntityTypeConfiguration<SharingAgreement>
{
    public void Configure(EntityTypeBuilder<SharingAgreement> builder)
    {
        builder.ToTable("SharingAgreements");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Name).HasMaxLength(200).IsRequired();
        builder.Property(a => a.SpecialCategoryCondition).HasMaxLength(300);
        builder.Property(a => a.Gateway).HasMaxLength(300);
        builder.Property(a => a.EndReason).HasMaxLength(500);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.OwnsMany(a => a.Agencies, agencies =>
        {
            agencies.ToTable("SharingAgreementAgencies");
            agencies.WithOwner().HasForeignKey("AgreementId");
            agencies.HasKey("AgreementId", nameof(AgreementAgency.Agency));
            agencies.HasIndex(nameof(AgreementAgency.Agency));
        });
        builder.OwnsMany(a => a.Categories, categories =>
        {
            categories.ToTable("SharingAgreementCategories");
            categories.WithOwner().HasForeignKey("AgreementId");
            categories.HasKey("AgreementId", nameof(AgreementCategory.Category));
        });
        builder.OwnsMany(a => a.Purposes, purposes =>
        {
            purposes.ToTable("SharingAgreementPurposes");
            purposes.WithOwner().HasForeignKey("AgreementId");
            purposes.HasKey("AgreementId", nameof(AgreementPurpose.Scheme));
        });
        builder.Navigation(a => a.Agencies).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(a => a.Categories).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(a => a.Purposes).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ConsentConfiguration : IEntityTypeConfiguration<Consent>
{
    public void Configure(EntityTypeBuilder<Consent> builder)
    {
        builder.ToTable("Consents");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Evidence).HasMaxLength(1000);
        builder.Property(c => c.WithdrawalReason).HasMaxLength(500);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsMany(c => c.Recipients, recipients =>
        {
            recipients.ToTable("ConsentRecipients");
            recipients.WithOwner().HasForeignKey("ConsentId");
            recipients.HasKey("ConsentId", nameof(ConsentRecipient.Agency));
        });
        builder.OwnsMany(c => c.Categories, categories =>
        {
            categories.ToTable("ConsentCategories");
            categories.WithOwner().HasForeignKey("ConsentId");
            categories.HasKey("ConsentId", nameof(ConsentCategory.Category));
        });
        builder.Navigation(c => c.Recipients).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(c => c.Categories).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(c => new { c.PersonId, c.Purpose, c.Status });
    }
}

internal sealed class BreakGlassGrantConfiguration : IEntityTypeConfiguration<BreakGlassGrant>
{
    public void Configure(EntityTypeBuilder<BreakGlassGrant> builder)
    {
        builder.ToTable("BreakGlassGrants");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Justification).HasMaxLength(2000).IsRequired();
        builder.Property(g => g.ReviewNote).HasMaxLength(2000);
        builder.Property(g => g.PersonInformedNote).HasMaxLength(1000);
        builder.Property(g => g.Version).IsConcurrencyToken();
        builder.Ignore(g => g.ExpiresAt);
        builder.HasOne<Person>().WithMany().HasForeignKey(g => g.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(g => new { g.PersonId, g.UserId, g.ExpiresAtUtc });

        // A caseload's total asks which people the reader's own live grants open.
        builder.HasIndex(g => new { g.UserId, g.ExpiresAtUtc });
        builder.HasIndex(g => g.ReviewedAt);
    }
}

internal sealed class SharingRightConfiguration : IEntityTypeConfiguration<SharingRight>
{
    public void Configure(EntityTypeBuilder<SharingRight> builder)
    {
        builder.ToTable("SharingRights");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedOnAdd();

        // The access rule's lookup: one index search answers "may this reader read this category on this person
        // today, and under which agreement" without visiting the table. No foreign keys: the rows are derived and
        // rebuilt, not owned.
        builder.HasIndex(p => new { p.PersonId, p.ReaderAgency, p.DataCategory, p.ValidFrom, p.ValidTo, p.AgreementId });
        builder.HasIndex(p => p.AgreementId);

        // From the reader's side: the people a reader's rights name, one range without visiting the table
        // (IRecordAccess.ReadableHouseholdsFromReader, the partnership report; docs/performance.md).
        builder.HasIndex(p => new { p.ReaderAgency, p.PersonId, p.ValidFrom, p.ValidTo });
    }
}

internal sealed class CaseReaderConfiguration : IEntityTypeConfiguration<CaseReader>
{
    public void Configure(EntityTypeBuilder<CaseReader> builder)
    {
        builder.ToTable("CaseReaders");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedOnAdd();

        // Days as whole numbers: a caseload count compares both ends on every row it counts, and integers compare
        // faster than dates stored as text (docs/performance.md).
        builder.Property(r => r.ValidFrom).HasConversion(d => d.DayNumber, n => DateOnly.FromDayNumber(n));
        builder.Property(r => r.ValidTo).HasConversion(d => d.DayNumber, n => DateOnly.FromDayNumber(n));

        // Rows go with their case; otherwise they are derived and rebuilt, never edited.
        builder.HasOne<Case>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);

        // The access rule's lookup for one case: one index search, without visiting the table.
        builder.HasIndex(r => new { r.CaseId, r.ReaderAgency, r.ValidFrom, r.ValidTo });

        // A caseload's total: one range of this index per status asked for (ADR 0016).
        builder.HasIndex(r => new { r.ReaderAgency, r.Scheme, r.Status, r.ValidTo, r.ValidFrom });
    }
}

internal sealed class SharingRightDerivationConfiguration : IEntityTypeConfiguration<SharingRightDerivation>
{
    public void Configure(EntityTypeBuilder<SharingRightDerivation> builder)
    {
        builder.ToTable("SharingRightDerivations");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Reason).HasMaxLength(1000).IsRequired();
        builder.Ignore(d => d.IsUnfinished);

        // The job and the progress page look for the unfinished ones, oldest first.
        builder.HasIndex(d => new { d.Status, d.RequestedAt });
    }
}
