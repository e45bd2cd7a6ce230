using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Paging;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Households;
using CaseManager.Domain.TroubledFamilies;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CaseManager.Application.TroubledFamilies.ListTroubledFamilies;

/// <summary>
/// The coordinator's list (issue "Troubled Families coordinator"): every family attached to the programme (an open
/// Troubled Families case the caller may read) with its eligibility as at a day, then the households the caller may
/// see that look eligible but are not attached. Worked out in batches, each a fixed number of queries.
/// </summary>
[RequiresPolicy(Policies.ReadCaseData)]
public sealed record ListTroubledFamiliesQuery(int? Phase = null, DateOnly? AsOf = null, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<TroubledFamiliesPage>, IPagedRequest;

public sealed record TroubledFamiliesPage(int Phase, DateOnly AsOf, string Basis, IReadOnlyList<TroubledFamilyItem> Items, int Page, int PageSize, int Total);

/// <summary>One family: attached (with its case) or not, whether it is eligible, and the criteria met.</summary>
public sealed record TroubledFamilyItem(
    Guid HouseholdId, string? HouseholdName, Guid? CaseId, bool Attached, DateOnly? AttachedOn, bool Eligible, IReadOnlyList<string> CriteriaMet, string Summary);

public sealed class ListTroubledFamiliesValidator : AbstractValidator<ListTroubledFamiliesQuery>
{
    public ListTroubledFamiliesValidator(PartnershipClock clock)
    {
        this.AddPagingRules();
        RuleFor(q => q.Phase).Must(p => p is null or 1 or 2).WithMessage("The phase is 1 or 2");
        RuleFor(q => q.AsOf).Must(d => d is null || d <= clock.Today).WithMessage("The date cannot be in the future");
    }
}

public sealed class ListTroubledFamiliesHandler(TroubledFamiliesList list) : IQueryHandler<ListTroubledFamiliesQuery, TroubledFamiliesPage>
{
    public async ValueTask<TroubledFamiliesPage> Handle(ListTroubledFamiliesQuery query, CancellationToken cancellationToken)
    {
        var (phase, asOf, ordered) = await list.AllAsync(query.Phase, query.AsOf, "troubled-families.list", cancellationToken);
        return new TroubledFamiliesPage(phase, asOf, FamilyFactsReader.Basis,
            [.. ordered.PageOf(query)], query.Page, query.PageSize, ordered.Count);
    }
}

/// <summary>
/// Works out the coordinator's whole list (attached families first, then the eligible households not attached, by
/// name) for the page and for its CSV download, from what the caller may see, and audits that it was read.
/// </summary>
public sealed class TroubledFamiliesList(
    IAppDbContext db, IRecordAccess access, IFamilyFactsReader reader, IAuditTrail audit, PartnershipClock clock, IOptions<EligibilityOptions> options)
{
    private const int BatchSize = 500;

    public async Task<(int Phase, DateOnly AsOf, List<TroubledFamilyItem> Items)> AllAsync(int? requestedPhase, DateOnly? requestedAsOf, string auditAction, CancellationToken cancellationToken)
    {
        var asOf = requestedAsOf ?? clock.Today;
        var phase = requestedPhase ?? 1;
        var attached = await access.Readable(db.Cases.AsNoTracking())
            .Where(c => c.Scheme == Scheme.TroubledFamilies && c.Status != CaseStatus.Exited && c.HouseholdId != null)
            .Select(c => c.Id)
            .ToListAsync(cancellationToken);
        var items = new List<TroubledFamilyItem>();
        foreach (var batch in attached.Chunk(BatchSize))
        {
            var facts = await reader.ReadAsync(batch, asOf, cancellationToken);
            items.AddRange(facts.Values.Select(f => Item(f, phase, asOf, attachedToProgramme: true)));
        }

        items.AddRange(await EligibleNotAttachedAsync(phase, asOf, cancellationToken));
        var householdIds = items.Select(i => new HouseholdId(i.HouseholdId)).ToList();
        var names = await db.Households.AsNoTracking().Where(h => householdIds.Contains(h.Id)).Select(h => new { h.Id, h.Name }).ToDictionaryAsync(h => h.Id.Value, h => h.Name, cancellationToken);
        var ordered = items
            .Select(i => i with { HouseholdName = names.GetValueOrDefault(i.HouseholdId) })
            .OrderByDescending(i => i.Attached).ThenBy(i => i.HouseholdName, StringComparer.OrdinalIgnoreCase).ThenBy(i => i.HouseholdId)
            .ToList();
        audit.Record(auditAction, AuditOutcome.Allowed, AccessRule.None, null,
            $"Phase {phase} as at {asOf:yyyy-MM-dd}: {ordered.Count(i => i.Attached)} attached, {ordered.Count(i => !i.Attached)} eligible not attached");
        await db.SaveChangesAsync(cancellationToken);
        return (phase, asOf, ordered);
    }

    /// <summary>
    /// The households the caller may see with no open Troubled Families case they may read that are eligible under
    /// <paramref name="phase"/> on <paramref name="asOf"/> (without their names): the list's second part, and what the
    /// partnership report counts as identified but not attached without working out eligibility for attached families.
    /// </summary>
    public async Task<List<TroubledFamilyItem>> EligibleNotAttachedAsync(int phase, DateOnly asOf, CancellationToken cancellationToken)
    {
        var readableCases = access.Readable(db.Cases.AsNoTracking()).Where(c => c.Scheme == Scheme.TroubledFamilies && c.Status != CaseStatus.Exited);
        // From the reader's side: a reader who may know few households has the rule worked out for those only.
        var candidates = await access.ReadableHouseholdsFromReader(db.Households.AsNoTracking())
            .Where(h => !readableCases.Any(c => c.HouseholdId == h.Id))
            .OrderBy(h => h.Id)
            .Select(h => h.Id)
            .ToListAsync(cancellationToken);
        var eligible = new List<TroubledFamilyItem>();
        foreach (var batch in candidates.Chunk(BatchSize))
        {
            var facts = await reader.ReadHouseholdsAsync(batch, asOf, cancellationToken);
            eligible.AddRange(facts.Values.Select(f => Item(f, phase, asOf, attachedToProgramme: false)).Where(i => i.Eligible));
        }

        return eligible;
    }

    private TroubledFamilyItem Item(FamilyFacts facts, int phase, DateOnly asOf, bool attachedToProgramme)
    {
        var result = Eligibility.For(phase, facts, asOf, options.Value);
        return new TroubledFamilyItem(facts.HouseholdId.Value, null, facts.CaseId?.Value, attachedToProgramme, facts.AttachedOn, result.Eligible,
            [.. result.Criteria.Where(c => c.Met).Select(c => c.Code)], result.Summary);
    }
}
