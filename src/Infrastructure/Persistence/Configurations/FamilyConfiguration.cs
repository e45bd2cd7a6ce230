using CaseManager.Domain.Cases;
using CaseManager.Domain.Families;
using CaseManager.Domain.Households;
using CaseManager.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseManager.Infrastructure.Persistence.Configurations;

/// <summary>A family case's assessments and plan, in their own tables keyed by the case (ADR 0020, ADR 0024).</summary>
internal sealed class FamilyAssessmentConfiguration : IEntityTypeConfiguration<FamilyAssessment>
{
    public void Configure(EntityTypeBuilder<FamilyAssessment> builder)
    {
        builder.ToTable("FamilyAssessments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).HasConversion(id => id.Value, value => new FamilyAssessmentId(value));
        builder.Property(a => a.Summary).HasMaxLength(FamilyAssessment.MaxSummaryLength);
        builder.Property(a => a.Strengths).HasMaxLength(FamilyAssessment.MaxStrengthsLength);
        builder.HasOne<Case>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Household>().WithMany().HasForeignKey(a => a.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Needs).WithOne().HasForeignKey(n => n.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Needs).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(a => new { a.CaseId, a.CompletedOn });
    }
}

internal sealed class FamilyAssessmentNeedConfiguration : IEntityTypeConfiguration<FamilyAssessmentNeed>
{
    public void Configure(EntityTypeBuilder<FamilyAssessmentNeed> builder)
    {
        builder.ToTable("FamilyAssessmentNeeds");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.AssessmentId).HasConversion(id => id.Value, value => new FamilyAssessmentId(value));
        builder.Property(n => n.Area).HasConversion<string>().HasMaxLength(30);
        builder.Property(n => n.Detail).HasMaxLength(FamilyAssessmentNeed.MaxDetailLength);
        builder.HasOne<Household>().WithMany().HasForeignKey(n => n.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(n => n.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(n => n.CaseId);
        builder.HasIndex(n => n.PersonId);
    }
}

internal sealed class FamilyPlanActionConfiguration : IEntityTypeConfiguration<FamilyPlanAction>
{
    public void Configure(EntityTypeBuilder<FamilyPlanAction> builder)
    {
        builder.ToTable("FamilyPlanActions");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).HasConversion(id => id.Value, value => new FamilyPlanActionId(value));
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Property(a => a.Description).HasMaxLength(FamilyPlanAction.MaxDescriptionLength);
        builder.Property(a => a.CompletionNote).HasMaxLength(FamilyPlanAction.MaxNoteLength);
        builder.Property(a => a.Need).HasConversion<string>().HasMaxLength(30);
        builder.HasOne<Case>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Household>().WithMany().HasForeignKey(a => a.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.ForPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.CaseId, a.DueOn });

        // "My actions due" on the home page: open actions of a worker, or of an agency with nobody named.
        builder.HasIndex(a => new { a.AssignedTo, a.CompletedOn, a.DueOn });
        builder.HasIndex(a => new { a.OwnerAgency, a.CompletedOn, a.DueOn });
    }
}
