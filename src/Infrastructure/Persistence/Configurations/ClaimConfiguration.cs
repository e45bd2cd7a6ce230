using CaseManager.Domain.Cases;
using CaseManager.Domain.Claims;
using CaseManager.Domain.Households;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseManager.Infrastructure.Persistence.Configurations;

internal sealed class ClaimConfiguration : IEntityTypeConfiguration<Claim>
{
    public void Configure(EntityTypeBuilder<Claim> builder)
    {
        builder.ToTable("Claims");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Property(c => c.Window).HasMaxLength(7).IsRequired();

        // One claim per agency, phase, kind and window: preparing the same window twice is refused, never a second
        // claim (two at once: the second insert breaks this index, 409 claims.window-taken). Claims are the agency's
        // own, so another agency's claim never takes a window. A cancelled preparation frees its window. The filter
        // is the same SQL on both databases.
        builder.HasIndex(c => new { c.PreparedByAgency, c.Phase, c.Kind, c.Window }).IsUnique().HasFilter("\"Status\" <> 'Cancelled'");
        builder.HasIndex(c => new { c.PreparedByAgency, c.PreparedAt });

        // The sweep's question: which preparations have not moved for a while.
        builder.HasIndex(c => new { c.Status, c.PreparationActiveAt });
    }
}

internal sealed class ClaimLineConfiguration : IEntityTypeConfiguration<ClaimLine>
{
    public void Configure(EntityTypeBuilder<ClaimLine> builder)
    {
        builder.ToTable("ClaimLines");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.Amount).HasPrecision(12, 2);
        builder.Property(l => l.Note).HasMaxLength(2000);
        builder.Property(l => l.Evidence).IsRequired();
        builder.HasOne<Claim>().WithMany().HasForeignKey(l => l.ClaimId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Case>().WithMany().HasForeignKey(l => l.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Household>().WithMany().HasForeignKey(l => l.HouseholdId).OnDelete(DeleteBehavior.Restrict);

        // A retried preparation inserts its batch if absent against these (ADR 0022): one line per case and outcome,
        // and one per family and slot, in a claim.
        builder.HasIndex(l => new { l.ClaimId, l.CaseId, l.Outcome }).IsUnique();
        builder.HasIndex(l => new { l.ClaimId, l.HouseholdId, l.Slot }).IsUnique();
        builder.HasIndex(l => new { l.ClaimId, l.Status, l.Id });
    }
}

internal sealed class ClaimLineDecisionConfiguration : IEntityTypeConfiguration<ClaimLineDecision>
{
    public void Configure(EntityTypeBuilder<ClaimLineDecision> builder)
    {
        builder.ToTable("ClaimLineDecisions");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Note).HasMaxLength(2000);
        builder.HasOne<Claim>().WithMany().HasForeignKey(d => d.ClaimId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ClaimLine>().WithMany().HasForeignKey(d => d.ClaimLineId).OnDelete(DeleteBehavior.Restrict);

        // The claim's history, in order, a page at a time.
        builder.HasIndex(d => new { d.ClaimId, d.At, d.Id });
        builder.HasIndex(d => d.ClaimLineId);
    }
}

internal sealed class ClaimedOutcomeConfiguration : IEntityTypeConfiguration<ClaimedOutcome>
{
    public void Configure(EntityTypeBuilder<ClaimedOutcome> builder)
    {
        builder.ToTable("ClaimedOutcomes");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Amount).HasPrecision(12, 2);
        builder.HasOne<ClaimLine>().WithMany().HasForeignKey(o => o.ClaimLineId).OnDelete(DeleteBehavior.Restrict);

        // TF5, in the database: never the same outcome twice, one results claim per family per phase, and at most one
        // progress-to-work claim beside it (docs/adr/0022).
        builder.HasIndex(o => new { o.Phase, o.HouseholdId, o.Slot }).IsUnique();
        // A line has a row per slot its outcome takes (phase 1 continuous employment takes two: TF3, instead of both).
        builder.HasIndex(o => new { o.ClaimLineId, o.Slot }).IsUnique();
        builder.HasIndex(o => new { o.CaseId, o.Outcome });
    }
}

internal sealed class ClaimedFamilyConfiguration : IEntityTypeConfiguration<ClaimedFamily>
{
    public void Configure(EntityTypeBuilder<ClaimedFamily> builder)
    {
        builder.ToTable("ClaimedFamilies");
        builder.HasKey(f => new { f.Phase, f.HouseholdId });
    }
}

internal sealed class ClaimAllocationConfiguration : IEntityTypeConfiguration<ClaimAllocation>
{
    public void Configure(EntityTypeBuilder<ClaimAllocation> builder)
    {
        builder.ToTable("ClaimAllocations");
        builder.HasKey(a => a.Phase);
        builder.Property(a => a.Phase).ValueGeneratedNever();
    }
}
