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
    PartnershipClock clock) : IQueryHandler<ListCasesQuery, Paged<CaseListItem>>
{
    private static readonly InterventionType[] ContactTypes = Enum.GetValues<InterventionType>().Where(InterventionTypes.IsContact).ToArray();

    public async ValueTask<Paged<CaseListItem>> Handle(ListCasesQuery query, CancellationToken cancellationToken)
    {
        var actor = currentUser.Actor;
        var cases = Filter(access.Readable(db.Cases.AsNoTracking()), query, actor);
        // Last contact comes only from work the reader may see: a partner's unshared session must not show through.
        var work = access.Readable(db.Interventions.AsNoTracking());
        // The person's name only where the reader may see the person, decided in the same statement.
        var people = access.Readable(db.People.AsNoTracking());

        // A caseload filtered only by scheme and status, the usual request, is counted from index ranges (ADR 0016)
        // before the page; any other filter's total is counted in the page's own statement.
        int? counted = CountsFromIndexes(query) ? await access.CountCaseloadAsync(query.Scheme, StatusesOf(query), cancellationToken) : null;
        var offset = query.Offset();
        var rows = offset >= (counted ?? int.MaxValue) ? [] : await PageAsync(query, cases, work, people, counted is null, cancellationToken);
        var total = counted ?? (rows.Count > 0 ? rows[0].Total
            // Past the last page the page statement has no row to carry the total.
            : await cases.CountAsync(cancellationToken));

        var workers = await users.DisplayNamesAsync(rows.Where(r => r.AllocatedTo != null).Select(r => r.AllocatedTo!.Value).ToList(), cancellationToken);
        var today = clock.Today;
        // Only another agency's rows need explaining (and auditing one by one): a page of the reader's own asks nothing more.
        var shared = rows.Where(r => r.OwnerAgency != actor.Agency).ToDictionary(r => r.Id);
        var sharedIds = shared.Keys.ToList();
        var explanations = sharedIds.Count == 0
            ? new Dictionary<CaseId, RecordAccessExplanation>()
            : await access.ExplainAndAuditAsync(audit, db.Cases.AsNoTracking().Where(c => sharedIds.Contains(c.Id)), c => c.Id,
                "case.list-result", id => new AuditSubject("Case", id.ToString(), shared[id].PersonId?.Value, shared[id].OwnerAgency), cancellationToken);
        var items = rows.Select(row => new CaseListItem(
            row.Id.Value,
            row.Scheme.ToString(),
            row.Status.ToString(),
            row.PersonId?.Value,
            row.PersonName,
            row.OwnerAgency.Value,
            row.DataCategory.ToString(),
            row.AllocatedTo,
            row.AllocatedTo is { } worker ? workers.GetValueOrDefault(worker) : null,
            row.StartDate,
            row.ExitedOn,
            row.NextReviewDue,
            row.LastContact,
            row.Cohort,
            row.Tier,
            FlagsOf(row.Status, row.NextReviewDue, row.InCustody == true, row.Mappa == true, row.Ppo == true, today),
            explanations.GetValueOrDefault(row.Id))).ToList();

        audit.Record("case.list", AuditOutcome.Allowed, AccessRule.Owner, detail: $"{total} cases, page {query.Page}");
        await db.SaveChangesAsync(cancellationToken);
        return new Paged<CaseListItem>(items, query.Page, query.PageSize, total);
    }

    /// <summary>
    /// One page in one statement. The page's ids are sorted and cut from the readable matches first, so the per-row
    /// subqueries (last contact, the person's name) run for the page's rows only, not for every match (except when
    /// sorting by last contact, which needs it for every match); only the columns the list shows are read (no exit
    /// nominations); and, where asked, the total rides along as a scalar subquery SQLite works out once.
    /// </summary>
    private async Task<List<CaseRow>> PageAsync(
        ListCasesQuery query, IQueryable<Case> cases, IQueryable<Intervention> work, IQueryable<Person> people, bool withTotal, CancellationToken cancellationToken)
    {
        var withLastContact = cases.Select(c => new CaseRow
        {
            Id = c.Id,
            StartDate = c.StartDate,
            NextReviewDue = c.NextReviewDue,
            LastContact = work.Where(i => i.CaseId == c.Id && ContactTypes.Contains(i.Type)).Max(i => (DateTimeOffset?)i.OccurredAt),
        });
        var pageIds = Sort(query.Sort == CaseSort.LastContact ? withLastContact : cases.Select(c => new CaseRow { Id = c.Id, StartDate = c.StartDate, NextReviewDue = c.NextReviewDue }), query)
            .Skip((int)query.Offset())
            .Take(query.PageSize)
            .Select(r => r.Id);
        var page = db.Cases.AsNoTracking()
            .Where(c => pageIds.Contains(c.Id))
            .Select(c => new CaseRow
            {
                Id = c.Id,
                Scheme = c.Scheme,
                Status = c.Status,
                PersonId = c.PersonId,
                PersonName = people.Where(p => p.Id == c.PersonId).Select(p => p.GivenName + " " + p.FamilyName).FirstOrDefault(),
                OwnerAgency = c.OwnerAgency,
                DataCategory = c.DataCategory,
                AllocatedTo = c.AllocatedTo,
                StartDate = c.StartDate,
                ExitedOn = c.ExitedOn,
                NextReviewDue = c.NextReviewDue,
                LastContact = work.Where(i => i.CaseId == c.Id && ContactTypes.Contains(i.Type)).Max(i => (DateTimeOffset?)i.OccurredAt),
                Cohort = c.Iom!.Cohort,
                Tier = c.Iom!.Tier,
                Mappa = (bool?)c.Iom!.Mappa,
                Ppo = (bool?)c.Iom!.Ppo,
                InCustody = (bool?)c.Custody!.InCustody,
                Total = withTotal ? cases.Count() : 0,
            });
        return await Sort(page, query).ToListAsync(cancellationToken);
    }

    /// <summary>The caseload's order, the same for the page's ids and for its rows; the case id breaks ties.</summary>
    private static IOrderedQueryable<CaseRow> Sort(IQueryable<CaseRow> rows, ListCasesQuery query) => (query.Sort, query.Descending) switch
    {
        (CaseSort.LastContact, true) => rows.OrderByDescending(r => r.LastContact).ThenBy(r => r.Id),
        (CaseSort.LastContact, false) => rows.OrderBy(r => r.LastContact).ThenBy(r => r.Id),
        (CaseSort.NextReviewDue, true) => rows.OrderByDescending(r => r.NextReviewDue).ThenBy(r => r.Id),
        (CaseSort.NextReviewDue, false) => rows.OrderBy(r => r.NextReviewDue == null).ThenBy(r => r.NextReviewDue).ThenBy(r => r.Id),
        (_, true) => rows.OrderByDescending(r => r.StartDate).ThenBy(r => r.Id),
        (_, false) => rows.OrderBy(r => r.StartDate).ThenBy(r => r.Id),
    };

    /// <summary>The columns a caseload row shows, read in SQL (a class with setters, so EF can sort by its members).</summary>
    private sealed class CaseRow
    {
        public CaseId Id { get; init; }

        public Scheme Scheme { get; init; }

        public CaseStatus Status { get; init; }

        public PersonId? PersonId { get; init; }

        public string? PersonName { get; init; }

        public AgencyCode OwnerAgency { get; init; }

        public DataCategory DataCategory { get; init; }

        public Guid? AllocatedTo { get; init; }

        public DateOnly StartDate { get; init; }

        public DateOnly? ExitedOn { get; init; }

        public DateOnly? NextReviewDue { get; init; }

        public DateTimeOffset? LastContact { get; init; }

        public string? Cohort { get; init; }

        public string? Tier { get; init; }

        public bool? Mappa { get; init; }

        public bool? Ppo { get; init; }

        public bool? InCustody { get; init; }

        public int Total { get; init; }
    }

    /// <summary>Whether the total can be counted from index ranges (ADR 0016): a caseload filtered only by scheme and status.</summary>
    private static bool CountsFromIndexes(ListCasesQuery query) =>
        !query.AllocatedToMe && query.PersonId is null && query.OwnerAgency is null
        && string.IsNullOrWhiteSpace(query.Cohort) && string.IsNullOrWhiteSpace(query.Tier);

    /// <summary>The statuses a caseload asks for: one, the open ones, or any (null).</summary>
    private static IReadOnlyCollection<CaseStatus>? StatusesOf(ListCasesQuery query) =>
        query.Status is { } status ? [status]
        : query.OpenOnly ? [CaseStatus.Active, CaseStatus.ExitNominated]
        : null;

    /// <summary>What a caseload row flags for attention.</summary>
    public static IReadOnlyList<string> FlagsOf(CaseStatus status, DateOnly? nextReviewDue, bool inCustody, bool mappa, bool ppo, DateOnly today)
    {
        var flags = new List<string>();
        if (status == CaseStatus.ExitNominated)
        {
            flags.Add("ExitNominated");
        }

        if (status != CaseStatus.Exited && nextReviewDue is { } due && due < today)
        {
            flags.Add("ReviewOverdue");
        }

        if (inCustody)
        {
            flags.Add("InCustody");
        }

        if (mappa)
        {
            flags.Add("Mappa");
        }

        if (ppo)
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
