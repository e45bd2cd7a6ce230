using System.Globalization;
using System.Text.Json.Serialization;
using CaseManager.Application.BreakGlass;
using CaseManager.Application.Cases;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Time;
using CaseManager.Application.Consents;
using CaseManager.Application.Interventions;
using CaseManager.Application.Offences;
using CaseManager.Application.Outcomes;
using CaseManager.Application.Users;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Interventions;
using CaseManager.Domain.Outcomes;
using CaseManager.Domain.People;
using CaseManager.Domain.Reviews;
using CaseManager.Domain.Sharing;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Auditing.ExportSubjectAccess;

/// <summary>
/// Every kind of record a subject access export holds (DOMAIN.md RT1), in the order the export shows them. This is
/// the one list: a new kind of record on a person is one more <see cref="SubjectAccessSource{T}"/> here (how to
/// load it, its id, agency and category, and the columns a reader sees), and the page, the JSON and "who accessed
/// it" follow. Reads here bypass the record access rule on purpose (ADR 0011): the export is governance only.
/// </summary>
public static class SubjectAccessRecords
{
    public static readonly IReadOnlyList<SubjectAccessSource> All =
    [
        new SubjectAccessSource<CaseView>(
            "cases", "Cases", "No cases are held on this person.",
            LoadCasesAsync,
            c => new(c.Id, c.OwnerAgency, c.DataCategory),
            [
                ("Scheme", c => Named<Scheme>(c.Scheme)),
                ("Agency", c => c.OwnerAgency),
                ("Status", c => c.Status),
                ("Started", c => c.StartDate),
                ("Ended", c => c.ExitedOn),
                ("Allocated to", c => c.AllocatedToName),
                ("IOM cohort and tier", c => c.Cohort is null ? null : $"{c.Cohort}{(c.Tier is null ? string.Empty : $", tier {c.Tier}")}"),
                ("Why selected", c => c.SelectionReason),
                ("Exit nominations", c => c.ExitNominations.Count == 0 ? null : string.Join("; ", c.ExitNominations.Select(Describe))),
            ]),
        new SubjectAccessSource<InterventionView>(
            "interventions", "Work on cases", "No work has been logged on this person's cases.",
            LoadInterventionsAsync,
            i => new(i.Id, i.OwnerAgency, i.DataCategory),
            [
                ("When", i => i.OccurredAt),
                ("What", i => Named<InterventionType>(i.Type)),
                ("Scheme", i => Named<Scheme>(i.Scheme)),
                ("Agency", i => i.OwnerAgency),
                ("Minutes", i => i.DurationMinutes),
                ("Outcome", i => i.Outcome),
                ("Notes", i => i.Notes),
                ("Drug test", i => i.Result is null ? null : $"{i.Result}{(i.Substances.Count == 0 ? string.Empty : $": {string.Join(", ", i.Substances)}")}"),
                ("Recorded by", i => i.RecordedByName),
            ]),
        new SubjectAccessSource<OffenceView>(
            "offences", "Offences", "No offences are recorded on this person.",
            LoadOffencesAsync,
            o => new(o.Id, o.OwnerAgency, o.DataCategory),
            [
                ("Offence", o => o.OffenceTypeName ?? o.OffenceType),
                ("Committed", o => o.CommittedOn),
                ("Convicted", o => o.ConvictedOn),
                ("Outcome", o => o.Outcome),
                ("Agency", o => o.OwnerAgency),
                ("Recorded", o => o.RecordedAt),
            ]),
        new SubjectAccessSource<AsbRecordView>(
            "asb", "Anti-social behaviour", "No anti-social behaviour is recorded on this person.",
            LoadAsbAsync,
            r => new(r.Id, r.OwnerAgency, r.DataCategory),
            [
                ("What", r => Named<AsbKind>(r.Kind)),
                ("When", r => r.OccurredOn),
                ("Description", r => r.Description),
                ("Agency", r => r.OwnerAgency),
                ("Recorded", r => r.RecordedAt),
            ]),
        new SubjectAccessSource<EducationRecordView>(
            "education", "Education", "No education records are held on this person.",
            LoadEducationAsync,
            r => new(r.Id, r.OwnerAgency, r.DataCategory),
            [
                ("What", r => Named<EducationKind>(r.Kind)),
                ("When", r => r.On),
                ("Term", r => r.Term),
                ("Days", r => r.Days),
                ("Sessions possible", r => r.SessionsPossible),
                ("Unauthorised absences", r => r.UnauthorisedAbsenceSessions),
                ("Agency", r => r.OwnerAgency),
                ("Recorded", r => r.RecordedAt),
            ]),
        new SubjectAccessSource<EmploymentRecordView>(
            "employment", "Employment and benefits", "No employment or benefit records are held on this person.",
            LoadEmploymentAsync,
            r => new(r.Id, r.OwnerAgency, r.DataCategory),
            [
                ("What", r => Named<EmploymentKind>(r.Kind)),
                ("Benefit", r => r.Benefit),
                ("From", r => r.From),
                ("To", r => r.To),
                ("Detail", r => r.Detail),
                ("Agency", r => r.OwnerAgency),
                ("Recorded", r => r.RecordedAt),
            ]),
        new SubjectAccessSource<LocalCriterionRecordView>(
            "localCriteria", "Troubled Families local criteria", "No local criteria are recorded on this person or their households.",
            LoadLocalCriteriaAsync,
            r => new(r.Id, r.OwnerAgency, r.DataCategory),
            [
                ("Criterion", r => r.Criterion),
                ("About", r => r.PersonId is null ? "The household" : "This person"),
                ("Found on", r => r.On),
                ("Evidence", r => r.Evidence),
                ("Agency", r => r.OwnerAgency),
                ("Recorded", r => r.RecordedAt),
            ]),
        new SubjectAccessSource<ConsentView>(
            "consents", "Consent decisions", "No consent decisions have been recorded.",
            LoadConsentsAsync,
            c => new(c.Id, c.OwnerAgency, nameof(DataCategory.Identity)),
            [
                ("Purpose", c => Named<Scheme>(c.Purpose)),
                ("Shared with", c => string.Join(", ", c.RecipientAgencies)),
                ("Information", c => c.DataCategories.Select(Named<DataCategory>).ToList()),
                ("Status", c => Named<ConsentStatus>(c.Status)),
                ("Given by", c => Named<ConsentGivenBy>(c.GivenBy)),
                ("Recorded", c => c.RecordedOn),
                ("Review by", c => c.ReviewOn),
                ("Withdrawn", c => c.WithdrawnAt is { } at ? $"{Day(at)}{(c.WithdrawalReason is { } reason ? $": {reason}" : string.Empty)}" : null),
                ("Evidence", c => c.Evidence),
            ]),
        new SubjectAccessSource<SubjectAccessReview>(
            "reviews", "Reviews", "No reviews are held on this person.",
            LoadReviewsAsync,
            r => new(r.Id, r.OwnerAgency, r.DataCategory),
            [
                ("Review", r => Named<ReviewKind>(r.Kind)),
                ("Scheme", r => Named<Scheme>(r.Scheme)),
                ("Agency", r => r.OwnerAgency),
                ("Due", r => r.DueOn),
                ("Status", r => r.Status),
                ("Completed", r => r.CompletedOn),
                ("By", r => r.CompletedByName),
                ("Summary", r => r.Summary),
            ]),
        new SubjectAccessSource<BreakGlassView>(
            "breakGlass", "Break-glass access", "Nobody has used break-glass access to this person.",
            LoadBreakGlassAsync,
            g => new(g.Id, g.UserAgency, nameof(DataCategory.Identity)),
            [
                ("Used", g => g.GrantedAt),
                ("By", g => g.UserName),
                ("Agency", g => g.UserAgency),
                ("Risk", g => Named<RiskCategory>(g.RiskCategory)),
                ("Justification", g => g.Justification),
                ("Until", g => g.ExpiresAt),
                ("Review", g => g.ReviewOutcome is { } outcome ? $"{outcome}: {g.ReviewNote}" : "Awaiting review"),
                ("Person told", g => g.PersonInformed switch
                {
                    true => "Yes",
                    false => $"No: {g.PersonInformedNote}",
                    null => "Not recorded",
                }),
            ]),
    ];

    /// <summary>An enum the views carry by name, back as the enum, so the page can show it in words.</summary>
    private static object Named<TEnum>(string name)
        where TEnum : struct, Enum => Enum.TryParse<TEnum>(name, out var value) ? value : name;

    private static string Day(DateTimeOffset at) => at.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static string Describe(ExitNominationView nomination) =>
        $"{nomination.Reason}, nominated by {nomination.NominatedByName ?? "a user no longer known"} on {Day(nomination.NominatedAt)}: "
        + (nomination.Decision is null ? "awaiting decision" : $"{nomination.Decision} by {nomination.DecidedByName ?? "a user no longer known"}{(nomination.DecisionNote is { } note ? $" ({note})" : string.Empty)}");

    private static async Task<IReadOnlyList<CaseView>> LoadCasesAsync(SubjectAccessContext context, CancellationToken ct)
    {
        var cases = await context.Db.Cases.AsNoTracking().Where(c => c.PersonId == context.PersonId)
            .OrderBy(c => c.StartDate).ThenBy(c => c.Id).ToListAsync(ct);
        var names = await context.Users.DisplayNamesAsync(cases.SelectMany(CaseView.UsersNamedBy).Distinct().ToList(), ct);
        return cases.Select(c => CaseView.From(c, context.PersonName, names, access: null)).ToList();
    }

    private static async Task<IReadOnlyList<InterventionView>> LoadInterventionsAsync(SubjectAccessContext context, CancellationToken ct)
    {
        var work = await context.Db.Interventions.AsNoTracking().Where(i => i.PersonId == context.PersonId)
            .OrderBy(i => i.OccurredAt).ThenBy(i => i.Id).ToListAsync(ct);
        var names = await context.Users.DisplayNamesAsync(work.Select(i => i.RecordedBy).Distinct().ToList(), ct);
        return work.Select(i => InterventionView.From(i, names.GetValueOrDefault(i.RecordedBy), access: null)).ToList();
    }

    private static async Task<IReadOnlyList<OffenceView>> LoadOffencesAsync(SubjectAccessContext context, CancellationToken ct)
    {
        var offences = await context.Db.Offences.AsNoTracking().Where(o => o.PersonId == context.PersonId)
            .OrderBy(o => o.CommittedOn).ThenBy(o => o.Id).ToListAsync(ct);
        var codes = offences.Select(o => o.OffenceType).Distinct().ToList();
        var typeNames = await context.Db.OffenceTypes.AsNoTracking().Where(t => codes.Contains(t.Code)).ToDictionaryAsync(t => t.Code, t => t.Name, ct);
        return offences.Select(o => OffenceView.From(o, typeNames.GetValueOrDefault(o.OffenceType), access: null)).ToList();
    }

    private static async Task<IReadOnlyList<AsbRecordView>> LoadAsbAsync(SubjectAccessContext context, CancellationToken ct) =>
        (await context.Db.AsbRecords.AsNoTracking().Where(r => r.PersonId == context.PersonId)
            .OrderBy(r => r.OccurredOn).ThenBy(r => r.Id).ToListAsync(ct))
        .Select(r => AsbRecordView.From(r, access: null)).ToList();

    private static async Task<IReadOnlyList<EducationRecordView>> LoadEducationAsync(SubjectAccessContext context, CancellationToken ct) =>
        (await context.Db.EducationRecords.AsNoTracking().Where(r => r.PersonId == context.PersonId)
            .OrderBy(r => r.Day).ThenBy(r => r.Id).ToListAsync(ct))
        .Select(r => EducationRecordView.From(r, access: null)).ToList();

    private static async Task<IReadOnlyList<EmploymentRecordView>> LoadEmploymentAsync(SubjectAccessContext context, CancellationToken ct) =>
        (await context.Db.EmploymentRecords.AsNoTracking().Where(r => r.PersonId == context.PersonId)
            .OrderBy(r => r.From).ThenBy(r => r.Id).ToListAsync(ct))
        .Select(r => EmploymentRecordView.Of(r, access: null)).ToList();

    /// <summary>Criteria about the person, and those about the whole family of a household they have been a member of.</summary>
    private static async Task<IReadOnlyList<LocalCriterionRecordView>> LoadLocalCriteriaAsync(SubjectAccessContext context, CancellationToken ct)
    {
        var personId = context.PersonId;
        var households = context.Db.Households.Where(h => h.Members.Any(m => m.PersonId == personId)).Select(h => h.Id);
        return (await context.Db.LocalCriterionRecords.AsNoTracking()
                .Where(r => r.PersonId == personId || (r.PersonId == null && households.Contains(r.HouseholdId)))
                .OrderBy(r => r.On).ThenBy(r => r.Id).ToListAsync(ct))
            .Select(r => LocalCriterionRecordView.From(r, access: null)).ToList();
    }

    private static async Task<IReadOnlyList<ConsentView>> LoadConsentsAsync(SubjectAccessContext context, CancellationToken ct)
    {
        var consents = await context.Db.Consents.AsNoTracking().Where(c => c.PersonId == context.PersonId).OrderBy(c => c.RecordedOn).ToListAsync(ct);
        return consents.Select(c => ConsentView.From(c, context.Clock.Today)).ToList();
    }

    private static async Task<IReadOnlyList<SubjectAccessReview>> LoadReviewsAsync(SubjectAccessContext context, CancellationToken ct)
    {
        var reviews = await context.Db.Reviews.AsNoTracking().Where(r => r.PersonId == context.PersonId)
            .OrderBy(r => r.DueOn).ThenBy(r => r.Id).ToListAsync(ct);
        var names = await context.Users.DisplayNamesAsync(reviews.Where(r => r.CompletedBy is not null).Select(r => r.CompletedBy!.Value).Distinct().ToList(), ct);
        return reviews.Select(r => new SubjectAccessReview(
            r.Id.Value, r.CaseId?.Value, r.ConsentId?.Value, r.Scheme.ToString(), r.Kind.ToString(), r.Status.ToString(), r.DueOn, r.CompletedOn,
            r.Summary, r.CompletedBy, r.CompletedBy is { } by ? names.GetValueOrDefault(by) : null, r.OwnerAgency.Value, r.DataCategory.ToString())).ToList();
    }

    private static async Task<IReadOnlyList<BreakGlassView>> LoadBreakGlassAsync(SubjectAccessContext context, CancellationToken ct)
    {
        var grants = await context.Db.BreakGlassGrants.AsNoTracking().Where(g => g.PersonId == context.PersonId).OrderBy(g => g.ExpiresAtUtc).ToListAsync(ct);
        var names = await context.Users.DisplayNamesAsync(grants.Select(g => g.UserId).Distinct().ToList(), ct);
        return grants.Select(g => BreakGlassView.From(g, context.Clock.Now) with { UserName = names.GetValueOrDefault(g.UserId), PersonName = context.PersonName }).ToList();
    }
}

/// <summary>What a source needs to load the records on one person.</summary>
public sealed record SubjectAccessContext(IAppDbContext Db, IUserDirectory Users, PartnershipClock Clock, PersonId PersonId, string PersonName);

/// <summary>The identity of one record: its id (as the audit trail names it), owning agency and data category.</summary>
public readonly record struct SubjectAccessKey(Guid Id, string OwnerAgency, string DataCategory);

/// <summary>One kind of record in the export; see <see cref="SubjectAccessRecords"/>.</summary>
public abstract class SubjectAccessSource
{
    public abstract string Kind { get; }

    public abstract Task<SubjectAccessSection> LoadAsync(SubjectAccessContext context, Func<Guid, IReadOnlyList<AuditEntryView>> accessedBy, CancellationToken cancellationToken);
}

public sealed class SubjectAccessSource<T>(
    string kind,
    string title,
    string whenEmpty,
    Func<SubjectAccessContext, CancellationToken, Task<IReadOnlyList<T>>> load,
    Func<T, SubjectAccessKey> key,
    IReadOnlyList<(string Header, Func<T, object?> Cell)> columns) : SubjectAccessSource
    where T : class
{
    public override string Kind => kind;

    public override async Task<SubjectAccessSection> LoadAsync(SubjectAccessContext context, Func<Guid, IReadOnlyList<AuditEntryView>> accessedBy, CancellationToken cancellationToken)
    {
        var records = await load(context, cancellationToken);
        return new SubjectAccessSection(
            kind,
            title,
            whenEmpty,
            columns.Select(c => c.Header).ToList(),
            records.Select(record =>
            {
                var (id, owner, category) = key(record);
                return new SubjectAccessRecord(id, owner, category, record, columns.Select(c => c.Cell(record)).ToList(), accessedBy(id));
            }).ToList());
    }
}

/// <summary>
/// All the records of one kind. The JSON holds each record whole (<see cref="SubjectAccessRecord.Record"/>); the
/// headers and cells are what the printable page shows.
/// </summary>
public sealed record SubjectAccessSection(
    string Kind,
    string Title,
    [property: JsonIgnore] string WhenEmpty,
    [property: JsonIgnore] IReadOnlyList<string> Headers,
    IReadOnlyList<SubjectAccessRecord> Records);

/// <summary>One record with everyone who read, changed or was refused it (the audit entries naming it).</summary>
public sealed record SubjectAccessRecord(
    Guid Id,
    string OwnerAgency,
    string DataCategory,
    object Record,
    [property: JsonIgnore] IReadOnlyList<object?> Cells,
    IReadOnlyList<AuditEntryView> AccessedBy);

/// <summary>A review on the person, as the export holds it.</summary>
public sealed record SubjectAccessReview(
    Guid Id,
    Guid? CaseId,
    Guid? ConsentId,
    string Scheme,
    string Kind,
    string Status,
    DateOnly DueOn,
    DateOnly? CompletedOn,
    string? Summary,
    Guid? CompletedBy,
    string? CompletedByName,
    string OwnerAgency,
    string DataCategory);
