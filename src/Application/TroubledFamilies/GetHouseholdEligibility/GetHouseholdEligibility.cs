using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Application.Households;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Households;
using CaseManager.Domain.TroubledFamilies;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CaseManager.Application.TroubledFamilies.GetHouseholdEligibility;

/// <summary>
/// A household's Troubled Families eligibility in both phases (TF1 and TF4) as at a day (default today), whether or
/// not it is attached to the programme: the coordinator's check of a family that "looks eligible". When the household
/// has an open Troubled Families case the reader may read, the facts are that case's (as
/// <c>GetEligibilityQuery</c> reads them); otherwise the household's. Either way only records the reader may see are
/// used (<see cref="IFamilyFactsReader"/>), and the answer says so.
/// </summary>
[RequiresPolicy(Policies.ReadCaseData)]
public sealed record GetHouseholdEligibilityQuery(HouseholdId HouseholdId, DateOnly? AsOf = null) : IQuery<HouseholdEligibilityView>;

/// <summary>Both phases for one household; <see cref="CaseId"/> is its open Troubled Families case, if any.</summary>
public sealed record HouseholdEligibilityView(Guid HouseholdId, string? HouseholdName, Guid? CaseId, DateOnly AsOf, string Basis, IReadOnlyList<EligibilityView> Phases);

public sealed class GetHouseholdEligibilityValidator : AbstractValidator<GetHouseholdEligibilityQuery>
{
    public GetHouseholdEligibilityValidator(PartnershipClock clock) =>
        RuleFor(q => q.AsOf).Must(d => d is null || d <= clock.Today).WithMessage("The date cannot be in the future");
}

public sealed class GetHouseholdEligibilityHandler(
    IAppDbContext db, IRecordAccess access, HouseholdReads households, ICurrentUser currentUser, IFamilyFactsReader reader, IAuditTrail audit, PartnershipClock clock, IOptions<EligibilityOptions> options)
    : IQueryHandler<GetHouseholdEligibilityQuery, HouseholdEligibilityView>
{
    private static readonly int[] Phases = [1, 2];

    public async ValueTask<HouseholdEligibilityView> Handle(GetHouseholdEligibilityQuery query, CancellationToken cancellationToken)
    {
        // Refused (audited, "not found") unless the reader may know of the household.
        var household = await households.ViewAsync(query.HouseholdId, "eligibility.household-read", cancellationToken);
        var asOf = query.AsOf ?? clock.Today;
        var attached = await access.Readable(db.Cases.AsNoTracking())
            .Where(c => c.HouseholdId == query.HouseholdId && c.Scheme == Scheme.TroubledFamilies && c.Status != CaseStatus.Exited)
            .Select(c => (CaseId?)c.Id)
            .FirstOrDefaultAsync(cancellationToken);
        var facts = attached is { } caseId
            ? (await reader.ReadAsync([caseId], asOf, cancellationToken))[caseId]
            : (await reader.ReadHouseholdsAsync([query.HouseholdId], asOf, cancellationToken))[query.HouseholdId];

        // TF1 (phase 1) and TF4 (phase 2), each by its own engine; an unattached household has no case id to give.
        var phases = Phases
            .Select(phase => EligibilityView.From(attached?.Value ?? Guid.Empty, household.Id, Eligibility.For(phase, facts, asOf, options.Value)))
            .ToList();
        audit.Record("eligibility.household-read", AuditOutcome.Allowed, HouseholdReads.RuleFor(household, currentUser.Actor),
            new AuditSubject("Household", household.Id.ToString()),
            $"As at {asOf:yyyy-MM-dd}: phase 1 {(phases[0].Eligible ? "eligible" : "not eligible")}, phase 2 {(phases[1].Eligible ? "eligible" : "not eligible")}");
        await db.SaveChangesAsync(cancellationToken);
        return new HouseholdEligibilityView(household.Id, household.Name, attached?.Value, asOf, FamilyFactsReader.Basis, phases);
    }
}
