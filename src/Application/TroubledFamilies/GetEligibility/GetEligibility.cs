using CaseManager.Application.Cases;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Common;
using CaseManager.Domain.TroubledFamilies;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;

namespace CaseManager.Application.TroubledFamilies.GetEligibility;

/// <summary>
/// A family case's Troubled Families eligibility in phase 1 (TF1) or 2 (TF4) as at a day (default today), worked out
/// from the records the caller may see (<see cref="IFamilyFactsReader"/>), with each criterion's evidence.
/// </summary>
[RequiresPolicy(Policies.ReadCaseData)]
public sealed record GetEligibilityQuery(CaseId CaseId, int? Phase = null, DateOnly? AsOf = null) : IQuery<EligibilityView>;

public sealed class GetEligibilityValidator : AbstractValidator<GetEligibilityQuery>
{
    public GetEligibilityValidator(PartnershipClock clock)
    {
        RuleFor(q => q.Phase).Must(p => p is null or 1 or 2).WithMessage("The phase is 1 or 2");
        RuleFor(q => q.AsOf).Must(d => d is null || d <= clock.Today).WithMessage("The date cannot be in the future");
    }
}

public sealed class GetEligibilityHandler(CaseGate gate, ICurrentUser currentUser, IFamilyFactsReader reader, IAppDbContext db, IAuditTrail audit, PartnershipClock clock, IOptions<EligibilityOptions> options)
    : IQueryHandler<GetEligibilityQuery, EligibilityView>
{
    public async ValueTask<EligibilityView> Handle(GetEligibilityQuery query, CancellationToken cancellationToken)
    {
        var familyCase = await gate.ReadableAsync(query.CaseId, "eligibility.read", cancellationToken);
        if (familyCase.HouseholdId is not { } householdId)
        {
            throw new DomainRuleException("eligibility.not-family-case", "Troubled Families eligibility is worked out for a family case, not a person's case");
        }

        var asOf = query.AsOf ?? clock.Today;
        var phase = query.Phase ?? 1;
        var facts = (await reader.ReadAsync([familyCase.Id], asOf, cancellationToken))[familyCase.Id];
        var result = Eligibility.For(phase, facts, asOf, options.Value);
        audit.Record("eligibility.read", AuditOutcome.Allowed, familyCase.OwnerAgency == currentUser.Actor.Agency ? AccessRule.Owner : AccessRule.SharingAgreement,
            new AuditSubject("Case", familyCase.Id.ToString(), null, familyCase.OwnerAgency), $"Phase {phase} as at {asOf:yyyy-MM-dd}: {(result.Eligible ? "eligible" : "not eligible")}");
        await db.SaveChangesAsync(cancellationToken);
        return EligibilityView.From(familyCase.Id.Value, householdId.Value, result);
    }
}
