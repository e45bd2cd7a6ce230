using System.Linq.Expressions;
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
using CaseManager.Domain.Common;
using CaseManager.Domain.Households;
using CaseManager.Domain.Interventions;
using CaseManager.Domain.Offending;
using CaseManager.Domain.Outcomes;
using CaseManager.Domain.People;
using CaseManager.Domain.Treatment;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.People.GetTimeline;

/// <summary>
/// Whose records a timeline shows: the records of each person on the days of their window (a person's own timeline
/// has one window with no ends; a household's has one per membership, DOMAIN.md FAM2), the household's own family
/// cases and family-level records when <see cref="Household"/> is set, and only one agency's when
/// <see cref="Agency"/> is set.
/// </summary>
public sealed record TimelineScope(IReadOnlyList<TimelineWindow> Windows, HouseholdId? Household = null, AgencyCode? Agency = null)
{
    public static TimelineScope OfPerson(PersonId personId) => new([new TimelineWindow(personId, null, null)]);
}

/// <summary>The days (both counted; null for no end) on which a person's records belong on a timeline.</summary>
public sealed record TimelineWindow(PersonId PersonId, DateOnly? From, DateOnly? To)
{
    public bool Holds(PersonId personId, DateOnly day) => personId == PersonId && (From is null || From <= day) && (To is null || day <= To);
}

/// <summary>How a timeline read is audited: the read itself, and each shared entry with the rule that shows it (IS9).</summary>
public sealed record TimelineAudit(string ReadAction, string EntryAction, AccessRule ReadRule, AuditSubject ReadSubject);

/// <summary>
/// The one timeline (API.md): case events, interventions, offences, treatment, TOPs and outcome records that the
/// reader may see, newest first, for a <see cref="TimelineScope"/>. Each source is read through the access rule and
/// the scope's windows in SQL, counted, and only the newest page-worth of each is loaded; they are then merged by
/// date. Each shared entry says why it is shown (<see cref="RecordAccessExplanation"/>) and is audited.
/// </summary>
public sealed class TimelineReader(IAppDbContext db, IRecordAccess access, IUserDirectory users, IAuditTrail audit, PartnershipClock clock, ICurrentUser currentUser)
{
    public async Task<Paged<TimelineEntry>> ReadAsync(TimelineScope scope, IPagedRequest paging, TimelineAudit auditing, CancellationToken cancellationToken)
    {
        var agency = scope.Agency;
        var cases = await Owned(access.Readable(db.Cases.AsNoTracking()), agency).Where(ForPeople<Case>(scope.Windows, c => c.PersonId)).ToListAsync(cancellationToken);
        if (scope.Household is { } household)
        {
            cases.AddRange(await Owned(access.Readable(db.Cases.AsNoTracking()), agency).Where(c => c.HouseholdId == household).ToListAsync(cancellationToken));
        }

        // A case's events count on the days its person was in scope; a family case's own events always do.
        var caseEvents = cases.SelectMany(CaseEvents)
            .Where(e => e.PersonId is not { } person || scope.Windows.Any(w => w.Holds(person, LocalDay(e.At))))
            .ToList();
        var work = Owned(access.Readable(db.Interventions.AsNoTracking()), agency).Where(AtInstants<Intervention>(scope.Windows, i => i.PersonId, i => i.OccurredAt));
        var offences = Owned(access.Readable(db.Offences.AsNoTracking()), agency).Where(OnDays<Offence>(scope.Windows, o => o.PersonId, o => o.CommittedOn));
        // Treatment (DT1, DT3): health data, read through the same rule as any other record.
        var treatmentWork = Owned(access.Readable(db.TreatmentInterventions.AsNoTracking()), agency).Where(OnDays<TreatmentIntervention>(scope.Windows, i => i.PersonId, i => i.StartDate));
        var tops = Owned(access.Readable(db.TopRecords.AsNoTracking()), agency).Where(OnDays<TopRecord>(scope.Windows, t => t.PersonId, t => t.CompletedOn));
        // Outcome records (TF1, TF2, TF4), and local criteria about a person in scope or, on a household's timeline, about the family.
        var asb = Owned(access.Readable(db.AsbRecords.AsNoTracking()), agency).Where(OnDays<AsbRecord>(scope.Windows, r => r.PersonId, r => r.OccurredOn));
        var education = Owned(access.Readable(db.EducationRecords.AsNoTracking()), agency).Where(OnDays<EducationRecord>(scope.Windows, r => r.PersonId, r => r.Day));
        var employment = Owned(access.Readable(db.EmploymentRecords.AsNoTracking()), agency).Where(OnDays<EmploymentRecord>(scope.Windows, r => r.PersonId, r => r.From));
        var criteria = Owned(access.Readable(db.LocalCriterionRecords.AsNoTracking()), agency).Where(OnDays<LocalCriterionRecord>(scope.Windows, r => r.PersonId, r => r.On));
        if (scope.Household is { } familyOf)
        {
            criteria = Owned(access.Readable(db.LocalCriterionRecords.AsNoTracking()), agency)
                .Where(Either(OnDays<LocalCriterionRecord>(scope.Windows, r => r.PersonId, r => r.On), r => r.PersonId == null && r.HouseholdId == familyOf));
        }

        // Every source's count in one statement: each source's rows (still through Readable and the windows) tagged
        // with its number, UNION ALL, grouped by it. A source with no rows has no group, so it counts 0.
        var counts = await work.Select(_ => 1)
            .Concat(offences.Select(_ => 2))
            .Concat(treatmentWork.Select(_ => 3))
            .Concat(tops.Select(_ => 4))
            .Concat(asb.Select(_ => 5))
            .Concat(education.Select(_ => 6))
            .Concat(employment.Select(_ => 7))
            .Concat(criteria.Select(_ => 8))
            .GroupBy(source => source)
            .Select(g => new { Source = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Source, g => g.Count, cancellationToken);
        var workTotal = counts.GetValueOrDefault(1);
        var offenceTotal = counts.GetValueOrDefault(2);
        var treatmentWorkTotal = counts.GetValueOrDefault(3);
        var topTotal = counts.GetValueOrDefault(4);
        var asbTotal = counts.GetValueOrDefault(5);
        var educationTotal = counts.GetValueOrDefault(6);
        var employmentTotal = counts.GetValueOrDefault(7);
        var criteriaTotal = counts.GetValueOrDefault(8);
        var total = caseEvents.Count + workTotal + offenceTotal + treatmentWorkTotal + topTotal + asbTotal + educationTotal + employmentTotal + criteriaTotal;

        // In 64 bits: page 2147483647 of 200 would wrap round in 32 and answer an early page's records.
        var offset = ((long)paging.Page - 1) * paging.PageSize;
        List<Pending> entries = [];
        if (offset < total)
        {
            var needed = (int)Math.Min(offset + paging.PageSize, total);
            // A source with nothing to show is not read again (most people have records of two or three kinds).
            entries = await NewestAsync(
                caseEvents,
                workTotal == 0 ? null : work,
                offenceTotal == 0 ? null : offences,
                treatmentWorkTotal == 0 ? null : treatmentWork,
                topTotal == 0 ? null : tops,
                asbTotal == 0 ? null : asb,
                educationTotal == 0 ? null : education,
                employmentTotal == 0 ? null : employment,
                criteriaTotal == 0 ? null : criteria,
                needed,
                cancellationToken);
            entries = [.. entries.OrderByDescending(e => e.At).ThenByDescending(e => e.RecordId).Skip((int)offset).Take(paging.PageSize)];
        }

        var names = await users.DisplayNamesAsync(entries.Where(e => e.By is not null).Select(e => e.By!.Value).ToList(), cancellationToken);
        var explained = await ExplainAsync(entries, auditing.EntryAction, cancellationToken);
        var items = entries.Select(entry => new TimelineEntry(
            entry.Kind, entry.RecordId, entry.At, LocalDay(entry.At),
            entry.Title, entry.Detail, entry.CaseId, entry.Scheme?.ToString(), entry.Owner.Value, entry.Category.ToString(),
            entry.By is { } by ? names.GetValueOrDefault(by) : null,
            explained.GetValueOrDefault((entry.Source, entry.Source == "Case" ? entry.CaseId!.Value : entry.RecordId)),
            entry.PersonId?.Value)).ToList();

        audit.Record(auditing.ReadAction, AuditOutcome.Allowed, auditing.ReadRule, auditing.ReadSubject,
            $"Page {paging.Page}: {items.Count} entries" + (scope.Agency is { } only ? $" of {only}" : string.Empty));
        await db.SaveChangesAsync(cancellationToken);
        return new Paged<TimelineEntry>(items, paging.Page, paging.PageSize, total);
    }

    private async Task<List<Pending>> NewestAsync(
        List<Pending> caseEvents, IQueryable<Intervention>? work, IQueryable<Offence>? offences, IQueryable<TreatmentIntervention>? treatmentWork,
        IQueryable<TopRecord>? tops, IQueryable<AsbRecord>? asb, IQueryable<EducationRecord>? education, IQueryable<EmploymentRecord>? employment,
        IQueryable<LocalCriterionRecord>? criteria, int needed, CancellationToken cancellationToken)
    {
        static async Task<List<T>> NewestOf<T>(IQueryable<T>? source, Func<IQueryable<T>, IQueryable<T>> newest, CancellationToken cancellationToken) =>
            source is null ? [] : await newest(source).ToListAsync(cancellationToken);

        var newestWork = await NewestOf(work, q => q.OrderByDescending(i => i.OccurredAt).ThenByDescending(i => i.Id).Take(needed), cancellationToken);
        // Each offence with its type's name, as a subquery of the same statement (the type is a foreign key, so it is there).
        var newestOffences = offences is null
            ? []
            : await offences.OrderByDescending(o => o.CommittedOn).ThenByDescending(o => o.Id).Take(needed)
                .Select(o => new { Offence = o, TypeName = db.OffenceTypes.Where(t => t.Code == o.OffenceType).Select(t => t.Name).FirstOrDefault() })
                .ToListAsync(cancellationToken);
        var newestTreatmentWork = await NewestOf(treatmentWork, q => q.OrderByDescending(i => i.StartDate).ThenByDescending(i => i.Id).Take(needed), cancellationToken);
        var newestTops = await NewestOf(tops, q => q.OrderByDescending(t => t.CompletedOn).ThenByDescending(t => t.Id).Take(needed), cancellationToken);
        var newestAsb = await NewestOf(asb, q => q.OrderByDescending(r => r.OccurredOn).ThenByDescending(r => r.Id).Take(needed), cancellationToken);
        var newestEducation = await NewestOf(education, q => q.OrderByDescending(r => r.Day).ThenByDescending(r => r.Id).Take(needed), cancellationToken);
        var newestEmployment = await NewestOf(employment, q => q.OrderByDescending(r => r.From).ThenByDescending(r => r.Id).Take(needed), cancellationToken);
        var newestCriteria = await NewestOf(criteria, q => q.OrderByDescending(r => r.On).ThenByDescending(r => r.Id).Take(needed), cancellationToken);

        return
        [
            .. caseEvents,
            .. newestWork.Select(i => new Pending(
                "Intervention", i.Id.Value, i.OccurredAt, Humanise(i.Type.ToString()),
                Join(i.DrugTestResult is { } result ? $"Result: {result}" + (i.Substances.Count > 0 ? $" ({string.Join(", ", i.Substances)})" : string.Empty) : null, i.Outcome, i.Notes),
                i.CaseId.Value, i.Scheme, i.OwnerAgency, i.DataCategory, i.RecordedBy, i.PersonId, "Intervention")),
            .. newestOffences.Select(found => new Pending(
                "Offence", found.Offence.Id.Value, StartOf(found.Offence.CommittedOn), found.TypeName ?? found.Offence.OffenceType,
                Join(found.Offence.ConvictedOn is { } convicted ? $"Convicted {convicted:d MMMM yyyy}" : null, found.Offence.Outcome),
                null, null, found.Offence.OwnerAgency, found.Offence.DataCategory, found.Offence.RecordedBy, found.Offence.PersonId, "Offence")),
            .. newestTreatmentWork.Select(i => new Pending(
                "TreatmentIntervention", i.Id.Value, StartOf(i.StartDate), TreatmentTitle(i),
                i.EndDate is { } ended ? $"Ended {ended:d MMMM yyyy}" : null,
                i.CaseId.Value, i.Scheme, i.OwnerAgency, i.DataCategory, i.RecordedBy, i.PersonId, "TreatmentIntervention")),
            .. newestTops.Select(t => new Pending(
                "Top", t.Id.Value, StartOf(t.CompletedOn), $"{Humanise(t.Stage.ToString())} TOP completed",
                Join(t.Answers.QualityOfLife is { } life ? $"Quality of life {life}/20" : null,
                    t.Answers.PsychologicalHealth is { } mind ? $"psychological health {mind}/20" : null,
                    t.Answers.PhysicalHealth is { } body ? $"physical health {body}/20" : null),
                t.CaseId.Value, t.Scheme, t.OwnerAgency, t.DataCategory, t.RecordedBy, t.PersonId, "TopRecord")),
            .. newestAsb.Select(r => new Pending(
                "Asb", r.Id.Value, StartOf(r.OccurredOn), $"Anti-social behaviour: {Humanise(r.Kind.ToString()).ToLowerInvariant()}", r.Description,
                null, null, r.OwnerAgency, r.DataCategory, r.RecordedBy, r.PersonId, "AsbRecord")),
            .. newestEducation.Select(r => new Pending(
                "Education", r.Id.Value, StartOf(r.Day), EducationTitle(r), EducationDetail(r),
                null, null, r.OwnerAgency, r.DataCategory, r.RecordedBy, r.PersonId, "EducationRecord")),
            .. newestEmployment.Select(r => new Pending(
                "Employment", r.Id.Value, StartOf(r.From), r.Benefit is { } benefit ? $"Out-of-work benefit: {benefit}" : Humanise(r.Kind.ToString()),
                Join(r.To is { } to ? $"Ended {to:d MMMM yyyy}" : null, r.Detail),
                null, null, r.OwnerAgency, r.DataCategory, r.RecordedBy, r.PersonId, "EmploymentRecord")),
            .. newestCriteria.Select(r => new Pending(
                "LocalCriterion", r.Id.Value, StartOf(r.On), $"Local criterion: {Humanise(r.Criterion).ToLowerInvariant()}", r.Evidence,
                r.CaseId.Value, Scheme.TroubledFamilies, r.OwnerAgency, r.DataCategory, r.RecordedBy, r.PersonId, "LocalCriterionRecord")),
        ];
    }

    /// <summary>Why each shared entry of the page is shown, audited: one batch per source, whatever the page size.</summary>
    private async Task<Dictionary<(string Source, Guid Id), RecordAccessExplanation>> ExplainAsync(List<Pending> entries, string action, CancellationToken cancellationToken)
    {
        // Only another agency's entries need a reason: the explanation query leaves the reader's own out anyway (IS7
        // (1)), so a source whose entries on the page are all the reader's own is not queried at all.
        var reader = currentUser.Actor.Agency;
        var shared = entries.Where(e => e.Owner != reader).ToList();
        List<Guid> Ids(string source) => [.. shared.Where(e => e.Source == source).Select(e => e.RecordId).Distinct()];
        var workIds = Ids("Intervention").Select(id => new InterventionId(id)).ToList();
        var offenceIds = Ids("Offence").Select(id => new OffenceId(id)).ToList();
        var treatmentWorkIds = Ids("TreatmentIntervention").Select(id => new TreatmentInterventionId(id)).ToList();
        var topIds = Ids("TopRecord").Select(id => new TopRecordId(id)).ToList();
        var asbIds = Ids("AsbRecord").Select(id => new AsbRecordId(id)).ToList();
        var educationIds = Ids("EducationRecord").Select(id => new EducationRecordId(id)).ToList();
        var employmentIds = Ids("EmploymentRecord").Select(id => new EmploymentRecordId(id)).ToList();
        var criterionIds = Ids("LocalCriterionRecord").Select(id => new LocalCriterionRecordId(id)).ToList();
        var caseIds = shared.Where(e => e.Source == "Case").Select(e => new CaseId(e.CaseId!.Value)).Distinct().ToList();
        Func<Guid, AuditSubject> subject(string type) => id =>
        {
            var entry = entries.First(e => e.Source == type && (type == "Case" ? e.CaseId == id : e.RecordId == id));
            return new AuditSubject(type, id.ToString(), entry.PersonId?.Value, entry.Owner);
        };
        var result = new Dictionary<(string, Guid), RecordAccessExplanation>();
        void Add<TKey>(string source, IReadOnlyDictionary<TKey, RecordAccessExplanation> found, Func<TKey, Guid> id)
            where TKey : notnull
        {
            foreach (var (key, explanation) in found)
            {
                result[(source, id(key))] = explanation;
            }
        }

        if (workIds.Count > 0)
        {
            Add("Intervention", await access.ExplainAndAuditAsync(audit, db.Interventions.AsNoTracking().Where(i => workIds.Contains(i.Id)), i => i.Id.Value,
                action, subject("Intervention"), cancellationToken), id => id);
        }

        if (offenceIds.Count > 0)
        {
            Add("Offence", await access.ExplainAndAuditAsync(audit, db.Offences.AsNoTracking().Where(o => offenceIds.Contains(o.Id)), o => o.Id.Value,
                action, subject("Offence"), cancellationToken), id => id);
        }

        if (treatmentWorkIds.Count > 0)
        {
            Add("TreatmentIntervention", await access.ExplainAndAuditAsync(audit, db.TreatmentInterventions.AsNoTracking().Where(i => treatmentWorkIds.Contains(i.Id)), i => i.Id.Value,
                action, subject("TreatmentIntervention"), cancellationToken), id => id);
        }

        if (topIds.Count > 0)
        {
            Add("TopRecord", await access.ExplainAndAuditAsync(audit, db.TopRecords.AsNoTracking().Where(t => topIds.Contains(t.Id)), t => t.Id.Value,
                action, subject("TopRecord"), cancellationToken), id => id);
        }

        if (asbIds.Count > 0)
        {
            Add("AsbRecord", await access.ExplainAndAuditAsync(audit, db.AsbRecords.AsNoTracking().Where(r => asbIds.Contains(r.Id)), r => r.Id.Value,
                action, subject("AsbRecord"), cancellationToken), id => id);
        }

        if (educationIds.Count > 0)
        {
            Add("EducationRecord", await access.ExplainAndAuditAsync(audit, db.EducationRecords.AsNoTracking().Where(r => educationIds.Contains(r.Id)), r => r.Id.Value,
                action, subject("EducationRecord"), cancellationToken), id => id);
        }

        if (employmentIds.Count > 0)
        {
            Add("EmploymentRecord", await access.ExplainAndAuditAsync(audit, db.EmploymentRecords.AsNoTracking().Where(r => employmentIds.Contains(r.Id)), r => r.Id.Value,
                action, subject("EmploymentRecord"), cancellationToken), id => id);
        }

        if (criterionIds.Count > 0)
        {
            Add("LocalCriterionRecord", await access.ExplainAndAuditAsync(audit, db.LocalCriterionRecords.AsNoTracking().Where(r => criterionIds.Contains(r.Id)), r => r.Id.Value,
                action, subject("LocalCriterionRecord"), cancellationToken), id => id);
        }

        if (caseIds.Count > 0)
        {
            Add("Case", await access.ExplainAndAuditAsync(audit, db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)), c => c.Id.Value,
                action, subject("Case"), cancellationToken), id => id);
        }

        return result;
    }

    private IEnumerable<Pending> CaseEvents(Case found)
    {
        var caption = found.HouseholdId is null ? $"{found.Scheme.FullName()} case" : $"{found.Scheme.FullName()} family case";
        yield return new Pending("CaseStarted", found.Id.Value, StartOf(found.StartDate), $"{caption} started",
            found.Iom is { } iom ? Join($"Cohort {iom.Cohort}", iom.Tier is null ? null : $"tier {iom.Tier}", iom.SelectionReason) : null,
            found.Id.Value, found.Scheme, found.OwnerAgency, found.DataCategory, null, found.PersonId, "Case");
        foreach (var nomination in found.ExitNominations)
        {
            yield return new Pending("ExitNominated", nomination.Id, nomination.NominatedAt, $"Nominated for exit: {Humanise(nomination.Reason.ToString())}",
                nomination.Note, found.Id.Value, found.Scheme, found.OwnerAgency, found.DataCategory, nomination.NominatedBy, found.PersonId, "Case");
            if (nomination is { Decision: { } decision, DecidedAt: { } decidedAt })
            {
                yield return new Pending(decision == ExitDecision.Approved ? "ExitApproved" : "ExitRejected", nomination.Id, decidedAt,
                    decision == ExitDecision.Approved ? $"Exit approved: left {found.Scheme.FullName()}" : "Exit nomination rejected",
                    nomination.DecisionNote, found.Id.Value, found.Scheme, found.OwnerAgency, found.DataCategory, nomination.DecidedBy, found.PersonId, "Case");
            }
        }
    }

    private static IQueryable<T> Owned<T>(IQueryable<T> records, AgencyCode? agency)
        where T : IAgencyOwned =>
        agency is { } only ? records.Where(r => r.OwnerAgency == only) : records;

    /// <summary>Records of a person of the scope, whatever their day (a case: its events are dated one by one).</summary>
    private static Expression<Func<T, bool>> ForPeople<T>(IReadOnlyList<TimelineWindow> windows, Expression<Func<T, PersonId?>> person) =>
        Any(person, windows.Select(w => w.PersonId).Distinct().Select(id => (Expression<Func<PersonId?, bool>>)(p => p == id)));

    /// <summary>Records of a person dated on a day of one of their windows, as one predicate in SQL.</summary>
    private static Expression<Func<T, bool>> OnDays<T>(IReadOnlyList<TimelineWindow> windows, Expression<Func<T, PersonId?>> person, Expression<Func<T, DateOnly>> day)
    {
        var parameter = person.Parameters[0];
        var dayBody = new Rebind(day.Parameters[0], parameter).Visit(day.Body);
        Expression any = Expression.Constant(false);
        foreach (var window in windows)
        {
            Expression match = Expression.Equal(person.Body, Value<PersonId?>(window.PersonId));
            if (window.From is { } from)
            {
                match = Expression.AndAlso(match, Expression.GreaterThanOrEqual(dayBody, Value(from)));
            }

            if (window.To is { } to)
            {
                match = Expression.AndAlso(match, Expression.LessThanOrEqual(dayBody, Value(to)));
            }

            any = Expression.OrElse(any, match);
        }

        return Expression.Lambda<Func<T, bool>>(any, parameter);
    }

    /// <summary>
    /// As <see cref="OnDays{T}"/> for records at an instant: from the start of the first day to the start of the day
    /// after the last, in the partnership's time zone. The bounds are sent in UTC, as instants are stored: SQLite's
    /// binary form orders by clock time and offset, so a bound at +01:00 would compare an hour out.
    /// </summary>
    private Expression<Func<T, bool>> AtInstants<T>(IReadOnlyList<TimelineWindow> windows, Expression<Func<T, PersonId>> person, Expression<Func<T, DateTimeOffset>> at)
    {
        var parameter = person.Parameters[0];
        var atBody = new Rebind(at.Parameters[0], parameter).Visit(at.Body);
        Expression any = Expression.Constant(false);
        foreach (var window in windows)
        {
            Expression match = Expression.Equal(person.Body, Value(window.PersonId));
            if (window.From is { } from)
            {
                match = Expression.AndAlso(match, Expression.GreaterThanOrEqual(atBody, Value(StartOf(from).ToUniversalTime())));
            }

            if (window.To is { } to)
            {
                match = Expression.AndAlso(match, Expression.LessThan(atBody, Value(StartOf(to.AddDays(1)).ToUniversalTime())));
            }

            any = Expression.OrElse(any, match);
        }

        return Expression.Lambda<Func<T, bool>>(any, parameter);
    }

    private static Expression<Func<T, bool>> Either<T>(Expression<Func<T, bool>> first, Expression<Func<T, bool>> second) =>
        Expression.Lambda<Func<T, bool>>(
            Expression.OrElse(first.Body, new Rebind(second.Parameters[0], first.Parameters[0]).Visit(second.Body)), first.Parameters[0]);

    private static Expression<Func<T, bool>> Any<T>(Expression<Func<T, PersonId?>> person, IEnumerable<Expression<Func<PersonId?, bool>>> tests)
    {
        var parameter = person.Parameters[0];
        Expression any = Expression.Constant(false);
        foreach (var test in tests)
        {
            any = Expression.OrElse(any, new Rebind(test.Parameters[0], person.Body).Visit(test.Body));
        }

        return Expression.Lambda<Func<T, bool>>(any, parameter);
    }

    /// <summary>A value read from a closure, so that EF Core sends it as a parameter rather than a literal.</summary>
    private static MemberExpression Value<TValue>(TValue value) =>
        Expression.Field(Expression.Constant(new Box<TValue>(value)), nameof(Box<TValue>.Value));

    private sealed class Box<TValue>(TValue value)
    {
        public readonly TValue Value = value;
    }

    private sealed class Rebind(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }

    private DateOnly LocalDay(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, clock.Zone).DateTime);

    /// <summary>"Pharmacological: methadone maintenance started".</summary>
    private static string TreatmentTitle(TreatmentIntervention given) =>
        given.Medication is { } medication
            ? $"{Humanise(given.Type.ToString())}: {medication.ToString().ToLowerInvariant()}{(given.Mode is { } mode ? " " + mode.ToString().ToLowerInvariant() : string.Empty)} started"
            : $"{Humanise(given.Type.ToString())} started";

    /// <summary>"Fixed-term exclusion (3 days)", "Attendance 2026-Autumn".</summary>
    private static string EducationTitle(EducationRecord record) => record.Kind switch
    {
        EducationKind.TermAttendance => $"Attendance {record.Term}",
        EducationKind.FixedTermExclusion => $"Fixed-term exclusion{(record.Days is { } days ? $" ({days} days)" : string.Empty)}",
        _ => Humanise(record.Kind.ToString()),
    };

    private static string? EducationDetail(EducationRecord record) =>
        record is { SessionsPossible: > 0 and var possible, UnauthorisedAbsenceSessions: { } absent }
            ? $"{absent} of {possible} sessions unauthorised absence ({100m * absent / possible:0.#}%)"
            : null;

    private DateTimeOffset StartOf(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, clock.Zone.GetUtcOffset(local));
    }

    private static string? Join(params string?[] parts)
    {
        var present = parts.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        return present.Count == 0 ? null : string.Join(". ", present);
    }

    /// <summary>"HomeVisit" → "Home visit".</summary>
    public static string Humanise(string pascal) =>
        string.Concat(pascal.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));

    /// <summary>An entry before names and explanations; <see cref="Source"/> is the audited record type that explains it.</summary>
    private sealed record Pending(
        string Kind, Guid RecordId, DateTimeOffset At, string Title, string? Detail, Guid? CaseId, Scheme? Scheme, AgencyCode Owner, DataCategory Category, Guid? By,
        PersonId? PersonId, string Source);
}
