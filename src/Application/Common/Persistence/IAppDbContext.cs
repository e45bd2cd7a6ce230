using CaseManager.Domain.Agencies;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Claims;
using CaseManager.Domain.Families;
using CaseManager.Domain.Households;
using CaseManager.Domain.Interventions;
using CaseManager.Domain.Notifications;
using CaseManager.Domain.Offending;
using CaseManager.Domain.Outcomes;
using CaseManager.Domain.People;
using CaseManager.Domain.Reviews;
using CaseManager.Domain.Sharing;
using CaseManager.Domain.Treatment;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CaseManager.Application.Common.Persistence;

/// <summary>
/// The unit of work (ADR 0003): handlers change aggregates through these sets, and the unit-of-work behaviour
/// saves them with the command's audit entry in one transaction.
/// </summary>
public interface IAppDbContext
{
    DbSet<Agency> Agencies { get; }

    DbSet<Person> People { get; }

    DbSet<AuditEntry> AuditEntries { get; }

    DbSet<Case> Cases { get; }

    DbSet<SharingAgreement> SharingAgreements { get; }

    DbSet<Consent> Consents { get; }

    DbSet<BreakGlassGrant> BreakGlassGrants { get; }

    /// <summary>Derived from agreements, consents and enrolments on every save; read by the access rule only.</summary>
    IQueryable<SharingRight> SharingRights { get; }

    /// <summary>Derived from cases and sharing rights on every save; read by the access rule only.</summary>
    IQueryable<CaseReader> CaseReaders { get; }

    /// <summary>Background derivations of sharing rights after an agreement or agency changed (ADR 0026): progress only.</summary>
    IQueryable<SharingRightDerivation> SharingRightDerivations { get; }

    DbSet<Intervention> Interventions { get; }

    DbSet<Offence> Offences { get; }

    DbSet<OffenceType> OffenceTypes { get; }

    DbSet<Review> Reviews { get; }

    DbSet<Notification> Notifications { get; }

    DbSet<NotificationDigest> NotificationDigests { get; }

    /// <summary>Stored answers to creates sent with an Idempotency-Key (docs/adr/0018).</summary>
    DbSet<Idempotency.IdempotencyRecord> IdempotencyRecords { get; }

    DbSet<Household> Households { get; }

    DbSet<TreatmentEpisode> TreatmentEpisodes { get; }

    DbSet<TreatmentIntervention> TreatmentInterventions { get; }

    DbSet<TopRecord> TopRecords { get; }

    DbSet<Domain.Reporting.ReferenceFigure> ReferenceFigures { get; }

    DbSet<Claim> Claims { get; }

    DbSet<ClaimLine> ClaimLines { get; }

    DbSet<ClaimLineDecision> ClaimLineDecisions { get; }

    /// <summary>The ledger of submitted outcomes, unique per phase, family and slot (docs/adr/0022).</summary>
    DbSet<ClaimedOutcome> ClaimedOutcomes { get; }

    DbSet<ClaimedFamily> ClaimedFamilies { get; }

    DbSet<ClaimAllocation> ClaimAllocations { get; }

    /// <summary>Outcome records that Troubled Families eligibility and results are worked from (TF1, TF2, TF4).</summary>
    DbSet<AsbRecord> AsbRecords { get; }

    DbSet<EducationRecord> EducationRecords { get; }

    DbSet<EmploymentRecord> EmploymentRecords { get; }

    DbSet<LocalCriterionRecord> LocalCriterionRecords { get; }

    /// <summary>A family case's own records (FAM1): its whole-family assessments, their needs, and its plan's actions.</summary>
    DbSet<FamilyAssessment> FamilyAssessments { get; }

    DbSet<FamilyAssessmentNeed> FamilyAssessmentNeeds { get; }

    DbSet<FamilyPlanAction> FamilyPlanActions { get; }

    DatabaseFacade Database { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);

    /// <summary>Forgets every tracked change (after a failed command, so that its audit entry is saved alone).</summary>
    void DiscardChanges();
}
