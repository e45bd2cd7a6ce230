using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Auditing;
using CaseManager.Application.Common.Paging;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Application.Users;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Interventions;
using CaseManager.Domain.People;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Cases.ListCases;

public enum CaseSort
{
    StartDate,
    LastContact,
    NextReviewDue,
}

/// <summary>The direction of a sort: any other value of <c>order</c> is a 400 naming it, never quietly descending.</summary>
public enum SortOrder
{
    Asc,
    Desc,
}

/// <summary>
/// A caseload: the cases the reader may see, filtered and sorted, with each case's last contact (from the work the
/// reader may see) and next review. Managers use it for the team caseload and the exit queue (status ExitNominated).
/// </summary>
[RequiresPolicy(Policies.ReadCaseData)]
public sealed record ListCasesQuery(
    Scheme? Scheme = null,
    CaseStatus? Status = null,
    bool AllocatedToMe = false,
    PersonId? PersonId = null,
    string? OwnerAgency = null,
    string? Cohort = null,
    string? Tier = null,
    CaseSort Sort = CaseSort.StartDate,
    bool Descending = true,
    int Page = 1,
    int PageSize = Paging.DefaultPageSize) : IQuery<Paged<CaseListItem>>, IPagedRequest
{
    /// <summary>Only open cases (Active or ExitNominated), when no single status is asked for: the caseload page's default.</summary>
    public bool OpenOnly { get; init; }
}

public sealed class ListCasesValidator : AbstractValidator<ListCasesQuery>
{
    public ListCasesValidator()
    {
        this.AddPagingRules();
        RuleFor(q => q.Scheme).IsInEnum().WithMessage("Unknown scheme");
        RuleFor(q => q.Status).IsInEnum().WithMessage("Unknown status");
        RuleFor(q => q.Sort).IsInEnum().WithMessage("Sort by StartDate, LastContact or NextReviewDue");
        RuleFor(q => q.OwnerAgency).Must(code => AgencyCode.TryParse(code, out _)).When(q => q.OwnerAgency is not null).WithMessage("Unknown agency code");
        RuleFor(q => q.Cohort).MaximumLength(40);
        RuleFor(q => q.Tier).MaximumLength(40);
    }
}

public sealed class ListCasesHandler(
    IAppDbContext db,
    IRecordAccess access,
    ICurrentUser currentUser,
    IAuditTrail audit,
    IUserDirectory users,
    CaseNames names,
    PartnershipClock clock) : IQueryHandler<ListCasesQuery, Paged<CaseListItem>>
{
    private static readonly InterventionType[] ContactTypes = Enum.GetValues<InterventionType>().Where(InterventionTypes.IsContact).ToArray();

    public async ValueTask<Paged<CaseListItem>> Handle(ListCasesQuery query, CancellationToken cancellationToken)
    {
        var actor = currentUser.Actor;
        var cases = Filter(access.Readable(db.Cases.AsNoTracking()), query, actor);

        // Last contact comes only from work the reader may see: a partner's unshared session must not show through.
        var work = access.Readable(db.Interventions.AsNoTracking());
        var rows = cases.Select(c => new
        {
            Case = c,
            LastContact = work.Where(i => i.CaseId == c.Id && ContactTypes.Contains(i.Type)).Max(i => (DateTimeOffset?)i.OccurredAt),
        });
        rows = (query.Sort, query.Descending) switch
        {
            (CaseSort.LastContact, true) => rows.OrderByDescending(r => r.LastContact).ThenBy(r => r.Case.Id),
            (CaseSort.LastContact, false) => rows.OrderBy(r => r.LastContact).ThenBy(r => r.Case.Id),
            (CaseSort.NextReviewDue, true) => rows.OrderByDescending(r => r.Case.NextReviewDue).ThenBy(r => r.Case.Id),
            (CaseSort.NextReviewDue, false) => rows.OrderBy(r => r.Case.NextReviewDue == null).ThenBy(r => r.Case.NextReviewDue).ThenBy(r => r.Case.Id),
            (_, true) => rows.OrderByDescending(r => r.Case.StartDate).ThenBy(r => r.Case.Id),
            (_, false) => rows.OrderBy(r => r.Case.StartDate).ThenBy(r => r.Case.Id),
        };
        var page = await rows.ToPagedAsync(query, CountOf(query, rows.Select(r => r.Case)), cancellationToken);

        var people = await names.PeopleAsync(page.Items.Where(r => r.Case.PersonId != null).Select(r => r.Case.PersonId!.Value).ToList(), cancellationToken);
        var workers = await users.DisplayNamesAsync(page.Items.Where(r => r.Case.AllocatedTo != null).Select(r => r.Case.AllocatedTo!.Value).ToList(), cancellationToken);
        var today = clock.Today;
        // Only another agency's rows need explaining (and auditing one by one): a page of the reader's own asks nothing more.
        var caseIds = page.Items.Where(r => r.Case.OwnerAgency != actor.Agency).Select(r => r.Case.Id).ToList();
        var explanations = caseIds.Count == 0
            ? new Dictionary<CaseId, RecordAccessExplanation>()
            : await access.ExplainAndAuditAsync(audit, db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)), c => c.Id,
                "case.list-result", id => Subject(page.Items.First(r => r.Case.Id == id).Case), cancellationToken);
        var items = new List<CaseListItem>(page.Items.Count);
        foreach (var row in page.Items)
        {
            var found = row.Case;
            var explanation = explanations.GetValueOrDefault(found.Id);
            items.Add(new CaseListItem(
                found.Id.Value,
                found.Scheme.ToString(),
                found.Status.ToString(),
                found.PersonId?.Value,
                found.PersonId is { } personId ? people.GetValueOrDefault(personId) : null,
                found.OwnerAgency.Value,
                found.DataCategory.ToString(),
                found.AllocatedTo,
                found.AllocatedTo is { } worker ? workers.GetValueOrDefault(worker) : null,
                found.StartDate,
                found.ExitedOn,
                found.NextReviewDue,
                row.LastContact,
                found.Iom?.Cohort,
                found.Iom?.Tier,
                FlagsOf(found, today),
                explanation));
        }

        audit.Record("case.list", AuditOutcome.Allowed, AccessRule.Owner, detail: $"{page.Total} cases, page {page.Page}");
        await db.SaveChangesAsync(cancellationToken);
        return new Paged<CaseListItem>(items, page.Page, page.PageSize, page.Total);
    }

    /// <summary>
    /// A caseload filtered only by scheme and status, the usual request, is counted from index ranges (ADR 0016);
    /// any other filter needs the rows themselves.
    /// </summary>
    private Func<CancellationToken, Task<int>> CountOf(ListCasesQuery query, IQueryable<Case> filtered)
    {
        if (query.AllocatedToMe || query.PersonId is not null || query.OwnerAgency is not null
            || !string.IsNullOrWhiteSpace(query.Cohort) || !string.IsNullOrWhiteSpace(query.Tier))
        {
            return filtered.CountAsync;
        }

        return cancellationToken => access.CountCaseloadAsync(query.Scheme, StatusesOf(query), cancellationToken);
    }

    /// <summary>The statuses a caseload asks for: one, the open ones, or any (null).</summary>
    private static IReadOnlyCollection<CaseStatus>? StatusesOf(ListCasesQuery query) =>
        query.Status is { } status ? [status]
        : query.OpenOnly ? [CaseStatus.Active, CaseStatus.ExitNominated]
        : null;

    private static AuditSubject Subject(Case found) => new("Case", found.Id.ToString(), found.PersonId?.Value, found.OwnerAgency);

    /// <summary>What a caseload row flags for attention.</summary>
    public static IReadOnlyList<string> FlagsOf(Case found, DateOnly today)
    {
        var flags = new List<string>();
        if (found.Status == CaseStatus.ExitNominated)
        {
            flags.Add("ExitNominated");
        }

        if (found.IsOpen && found.NextReviewDue is { } due && due < today)
        {
            flags.Add("ReviewOverdue");
        }

        if (found.Custody is { InCustody: true })
        {
            flags.Add("InCustody");
        }

        if (found.Iom is { Mappa: true })
        {
            flags.Add("Mappa");
        }

        if (found.Iom is { Ppo: true })
        {
            flags.Add("Ppo");
        }

        return flags;
    }

    private static IQueryable<Case> Filter(IQueryable<Case> cases, ListCasesQuery query, Actor actor)
    {
        if (query.Scheme is { } scheme)
        {
            cases = cases.Where(c => c.Scheme == scheme);
        }

        // One status as one parameter, so a page walks the caseload index in date order.
        if (query.Status is { } status)
        {
            cases = cases.Where(c => c.Status == status);
        }
        else if (query.OpenOnly)
        {
            cases = cases.Where(c => c.Status != CaseStatus.Exited);
        }

        if (query.AllocatedToMe)
        {
            // A case is one's own to work only in the agency that owns it: after a move to a partner agency that
            // may read it under an agreement, it is no longer "mine" (the reviews list and reminders agree).
            var me = actor.UserId;
            var agency = actor.Agency;
            cases = cases.Where(c => c.AllocatedTo == me && c.OwnerAgency == agency);
        }

        if (query.PersonId is { } personId)
        {
            cases = cases.Where(c => c.PersonId == personId);
        }

        if (query.OwnerAgency is not null && AgencyCode.TryParse(query.OwnerAgency, out var owner))
        {
            cases = cases.Where(c => c.OwnerAgency == owner);
        }

        if (!string.IsNullOrWhiteSpace(query.Cohort))
        {
            var cohort = query.Cohort.Trim();
            cases = cases.Where(c => c.Iom != null && c.Iom.Cohort == cohort);
        }

        if (!string.IsNullOrWhiteSpace(query.Tier))
        {
            var tier = query.Tier.Trim();
            cases = cases.Where(c => c.Iom != null && c.Iom.Tier == tier);
        }

        return cases;
    }
}
