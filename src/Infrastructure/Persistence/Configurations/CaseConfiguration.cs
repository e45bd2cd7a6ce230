using CaseManager.Domain.Cases;
using CaseManager.Domain.Households;
using CaseManager.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseManager.Infrastructure.Persistence.Configurations;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> builder)
    {
        builder.ToTable("Cases");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.IsOpen);
        builder.Ignore(c => c.PendingExitNomination);
        builder.OwnsOne(c => c.Iom, iom =>
        {
            iom.Property(d => d.Cohort).HasColumnName("IomCohort").HasMaxLength(40);
            iom.Property(d => d.Tier).HasColumnName("IomTier").HasMaxLength(40);
            iom.Property(d => d.SelectionReason).HasColumnName("IomSelectionReason").HasMaxLength(4000);
            iom.Property(d => d.SelectionScore).HasColumnName("IomSelectionScore").HasMaxLength(100);
            iom.Property(d => d.PanelNote).HasColumnName("IomPanelNote").HasMaxLength(4000);
            iom.Property(d => d.Mappa).HasColumnName("IomMappa");
            iom.Property(d => d.Ppo).HasColumnName("IomPpo");
            iom.Property(d => d.PredictedReoffendingRate).HasColumnName("IomPredictedReoffendingRate").HasPrecision(5, 2);
        });
        builder.OwnsOne(c => c.Custody, custody =>
        {
            custody.Property(d => d.InCustody).HasColumnName("InCustody");
            custody.Property(d => d.Establishment).HasColumnName("CustodyEstablishment").HasMaxLength(200);
            custody.Property(d => d.ExpectedRelease).HasColumnName("CustodyExpectedRelease");
        });
        builder.OwnsMany(c => c.ExitNominations, nominations =>
        {
            nominations.ToTable("ExitNominations");
            nominations.WithOwner().HasForeignKey("CaseId");
            nominations.HasKey(n => n.Id);
            nominations.Property(n => n.Id).ValueGeneratedNever();
            nominations.Property(n => n.Reason).HasConversion<string>().HasMaxLength(40);
            nominations.Property(n => n.Decision).HasConversion<string>().HasMaxLength(20);
            nominations.Property(n => n.Note).HasMaxLength(4000);
            nominations.Property(n => n.Evidence).HasMaxLength(4000);
            nominations.Property(n => n.DecisionNote).HasMaxLength(4000);
        });
        builder.Navigation(c => c.ExitNominations).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Household>().WithMany().HasForeignKey(c => c.HouseholdId).OnDelete(DeleteBehavior.Restrict);

        // A household's family cases (DOMAIN.md FAM3), and its members' enrolments through them (IS7b).
        builder.HasIndex(c => new { c.HouseholdId, c.Scheme, c.Status });

        // "Is this person enrolled in this scheme?" is asked inside every shared read.
        builder.HasIndex(c => new { c.PersonId, c.Scheme, c.Status });

        // An agency's own cases by status, and a caseload's own part counted by scheme too (ADR 0016).
        builder.HasIndex(c => new { c.OwnerAgency, c.Status, c.Scheme });

        builder.HasIndex(c => new { c.AllocatedTo, c.Status });

        // Caseloads (GET /cases?scheme=&status=) page by start date; the access rule then reads owner, category and
        // person of every candidate row, which this index carries so that counting never visits the table
        // (docs/performance.md).
        builder.HasIndex(c => new { c.Scheme, c.Status, c.StartDate, c.OwnerAgency, c.DataCategory, c.PersonId });

        // A claim's preparation reads a scheme's cases in id order, a batch after the last id read (docs/claims.md):
        // one range of this index a batch. Without it SQLite took every case of the scheme and sorted them for each
        // batch, so a claim's time grew with the square of its families (docs/performance.md, claim preparation).
        builder.HasIndex(c => new { c.Scheme, c.Id });
    }
}
