using System.Linq.Expressions;
using System.Reflection;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Common;
using CaseManager.Domain.Households;
using CaseManager.Domain.People;
using CaseManager.Domain.Sharing;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Common.Access;

/// <summary>
/// The access rule of DOMAIN.md IS7, as query predicates EF Core translates to SQL. A user reads a record when
/// (1) their agency owns it; or (2) an agreement in force covers owner and reader, the record's category and a
/// scheme the person is enrolled in (an open case) and the reader's agency takes part in, with, where the agreement
/// requires it, the person's consent for that scheme, reader and category, given and not withdrawn or past review;
/// or (3) they hold a live break-glass grant for the person; and (IS7a) a person record is read by an agency that owns
/// an open case on the person, or on a household while the person is a member. Victim-sensitive records are never shared by
/// agreement. Actors without an agency or without a case-reading role see nothing. Branch 2 is worked out when its
/// facts are saved, as <see cref="SharingRight"/> rows (<see cref="SharingRight.Derive"/>); a read asks
/// one index whether a row counts today (ADR 0015, docs/performance.md).
/// </summary>
public sealed class RecordAccess(IAppDbContext db, ICurrentUser currentUser, PartnershipClock clock) : IRecordAccess
{
    // Looked up once, not searched for by name among all overloads each time: the rule is built for every read.
    private static readonly MethodInfo QueryableAny = new Func<IQueryable<object>, Expression<Func<object, bool>>, bool>(Queryable.Any).Method.GetGenericMethodDefinition();
    private static readonly MethodInfo QueryableFirstOrDefault = new Func<IQueryable<object>, object?>(Queryable.FirstOrDefault).Method.GetGenericMethodDefinition();

    public IQueryable<T> Readable<T>(IQueryable<T> source)
        where T : class, IAgencyOwned
    {
        if (Reader() is not { } reader)
        {
            return source.Where(_ => false);
        }

        var record = Expression.Parameter(typeof(T), "record");
        var personId = PersonIdOf(record);
        var owner = Expression.Property(record, nameof(IAgencyOwned.OwnerAgency));
        var category = Expression.Property(record, nameof(IAgencyOwned.DataCategory));
        var rules = Rules(reader);

        var right = Expression.Parameter(typeof(SharingRight), "right");
        var grant = Expression.Parameter(typeof(BreakGlassGrant), "grant");
        var shared = ExpressionInliner.Inline(rules.Shareable, category);
        if (record.Type == typeof(Consent))
        {
            shared = Expression.AndAlso(shared, ExpressionInliner.Inline(rules.ConsentNamesReader, record));
        }

        // A case's readers are derived from the same rights, one row per reader and span (ADR 0016): one search.
        Expression sharedByAgreement = record.Type == typeof(Case)
            ? Any(db.CaseReaders, CaseReaderCovers(rules, Expression.Property(record, nameof(Case.Id))))
            : Any(db.SharingRights, Expression.Lambda<Func<SharingRight, bool>>(
                ExpressionInliner.Inline(rules.RightCovers, right, personId, owner, category), right));
        if (AboutFamily(record) is { } aboutFamily)
        {
            // A record about the family, not one member, is read as its family case is (IS7b): through a right of
            // someone who is a member of the household today, for the record's owner and category.
            sharedByAgreement = Expression.OrElse(sharedByAgreement, Expression.AndAlso(aboutFamily, Any(db.SharingRights, Expression.Lambda<Func<SharingRight, bool>>(
                ExpressionInliner.Inline(rules.MemberRightCovers, right, HouseholdOf(record)!, owner, category), right))));
        }

        Expression body = Expression.OrElse(
            Expression.OrElse(
                ExpressionInliner.Inline(rules.OwnRecord, owner),
                Expression.AndAlso(shared, sharedByAgreement)),
            Any(db.BreakGlassGrants, Expression.Lambda<Func<BreakGlassGrant, bool>>(
                ExpressionInliner.Inline(rules.GrantCovers, grant, personId), grant)));
        if (record.Type == typeof(Person))
        {
            // IS7a: working a case means knowing whom you work with (the person record only).
            body = Expression.OrElse(body, ExpressionInliner.Inline(rules.WorksCaseOn, personId));
        }

        return source.Where(Expression.Lambda<Func<T, bool>>(body, record));
    }

    public IQueryable<T> ReadableSplitByOwner<T>(IQueryable<T> source)
        where T : class, IPersonRecord
    {
        if (Reader() is not { } reader)
        {
            return source.Where(_ => false);
        }

        // A record another agency owns is read only through a sharing right of the reader's agency that counts today
        // or the user's live grant on its person (IS7 branches 2 and 3), so those people bound the second part; the
        // rule itself is still applied to both parts, so the split narrows the rows it is worked out for and never
        // what it lets through (the model test compares it with the reference).
        var agency = reader.Agency;
        var people = NamedByRightsOrGrants(reader, out _);
        return Readable(source.Where(r => r.OwnerAgency == agency))
            .Concat(Readable(source.Where(r => r.OwnerAgency != agency && people.Contains(r.PersonId))));
    }

    public IQueryable<Household> ReadableHouseholds(IQueryable<Household> source)
    {
        if (Reader() is not { } reader)
        {
            return source.Where(_ => false);
        }

        var agency = reader.Agency;
        var people = Readable(db.People);
        var cases = Readable(db.Cases);
        return source.Where(h => h.OwnerAgency == agency
            || h.Members.Any(m => people.Any(p => p.Id == m.PersonId))
            || cases.Any(c => c.HouseholdId == h.Id));
    }

    public IQueryable<Household> ReadableHouseholdsFromReader(IQueryable<Household> source)
    {
        if (Reader() is not { } reader)
        {
            return source.Where(_ => false);
        }

        // Every branch of ReadableHouseholds (and of Readable over its members and cases) needs a row that names the
        // reader's agency or user: the agency's own households, people and cases, its sharing rights and case reader
        // rows that count today, the user's live grants, and the members today of households its open cases are on
        // (IS7a). Each is a range of an index. Their households are a superset of the readable ones, and the whole
        // rule is still applied to them, so this narrows the rows the rule is worked out for and never what it lets
        // through (the model test compares both with the reference).
        var agency = reader.Agency;
        var today = reader.Today;
        var openCases = db.Cases.Where(c => c.OwnerAgency == agency && c.Status != CaseStatus.Exited);
        var openCaseHouseholds = openCases.Where(c => c.HouseholdId != null).Select(c => c.HouseholdId!.Value);
        var worksCaseOn = openCases.Where(c => c.PersonId != null).Select(c => c.PersonId!.Value)
            .Concat(db.Households
                .Where(h => openCaseHouseholds.Contains(h.Id))
                .SelectMany(h => h.Members.Where(m => m.From <= today && (m.To == null || m.To >= today)), (h, m) => m.PersonId));
        var people = db.People.Where(p => p.OwnerAgency == agency).Select(p => p.Id)
            .Concat(NamedByRightsOrGrants(reader, out var granted))
            .Concat(worksCaseOn);
        var readerRows = db.CaseReaders.Where(r => r.ReaderAgency == agency && r.ValidFrom <= today && r.ValidTo >= today).Select(r => r.CaseId);
        var cases = db.Cases.Where(c => c.OwnerAgency == agency && c.HouseholdId != null).Select(c => c.HouseholdId!.Value)
            .Concat(db.Cases.Where(c => readerRows.Contains(c.Id) && c.HouseholdId != null).Select(c => c.HouseholdId!.Value))
            .Concat(db.Cases.Where(c => c.PersonId != null && granted.Contains(c.PersonId.Value) && c.HouseholdId != null).Select(c => c.HouseholdId!.Value));
        var candidates = db.Households.Where(h => h.OwnerAgency == agency).Select(h => h.Id)
            .Concat(db.Households.SelectMany(h => h.Members.Where(m => people.Contains(m.PersonId)), (h, m) => h.Id))
            .Concat(cases);
        return ReadableHouseholds(source.Where(h => candidates.Contains(h.Id)));
    }

    /// <summary>
    /// The people a sharing right of the reader's agency that counts today names, then those a live grant of the
    /// user names (<paramref name="granted"/>, also on its own): each a range of an index. Another agency's record is
    /// read only through one of them (IS7 (2) and (3)), so they bound the reader-side candidates; never a rule.
    /// </summary>
    private IQueryable<PersonId> NamedByRightsOrGrants(ReaderContext reader, out IQueryable<PersonId> granted)
    {
        var agency = reader.Agency;
        var userId = reader.UserId;
        var today = reader.Today;
        var now = reader.NowUtc;
        granted = db.BreakGlassGrants.Where(g => g.UserId == userId && g.ExpiresAtUtc > now).Select(g => g.PersonId);
        return db.SharingRights.Where(r => r.ReaderAgency == agency && r.ValidFrom <= today && (r.ValidTo == null || r.ValidTo >= today)).Select(r => r.PersonId)
            .Concat(granted);
    }

    public async Task<int> CountCaseloadAsync(Scheme? scheme, IReadOnlyCollection<CaseStatus>? statuses, CancellationToken cancellationToken)
    {
        if (Reader() is not { } reader)
        {
            return 0;
        }

        // Each part is one range of an index: the agency's own cases, the reader rows that count today, and the
        // cases a live break-glass grant opens that neither of the others counted. Readable(Cases) is the union of
        // the three, so the sum is its count. One statement, anchored on the reader's agency row, so that the three
        // are counted in one round trip and one snapshot.
        var rules = Rules(reader);
        var agency = reader.Agency;
        var today = reader.Today;
        var userId = reader.UserId;
        var now = reader.NowUtc;
        var cases = InCaseload(db.Cases, c => c.Scheme, c => c.Status, scheme, statuses);
        var own = cases.Where(c => c.OwnerAgency == agency);
        var shared = InCaseload(
            db.CaseReaders.Where(rules.CaseReaderCounts), r => r.Scheme, r => r.Status, scheme, statuses);

        var opened = db.BreakGlassGrants.Where(g => g.UserId == userId && g.ExpiresAtUtc > now).Select(g => g.PersonId);
        var record = Expression.Parameter(typeof(Case), "record");
        var notShared = Expression.Lambda<Func<Case, bool>>(
            Expression.Not(Any(db.CaseReaders, CaseReaderCovers(rules, Expression.Property(record, nameof(Case.Id))))), record);
        var byGrant = cases.Where(c => c.OwnerAgency != agency && c.PersonId != null && opened.Contains(c.PersonId.Value)).Where(notShared);

        return await db.Agencies.AsNoTracking()
            .Where(a => a.Code == agency)
            .Select(a => own.Count() + shared.Count() + byGrant.Count())
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// A caseload's scheme (or any) and statuses (or any) as a filter on rows that carry them: cases, and case
    /// readers. One status is compared as one parameter (a local, so EF reads it without evaluating a call); a set
    /// goes in as a list.
    /// </summary>
    private static IQueryable<T> InCaseload<T>(
        IQueryable<T> rows, Expression<Func<T, Scheme>> schemeOf, Expression<Func<T, CaseStatus>> statusOf, Scheme? scheme, IReadOnlyCollection<CaseStatus>? statuses)
    {
        var row = Expression.Parameter(typeof(T), "row");
        IQueryable<T> Where<TValue>(IQueryable<T> source, Expression<Func<T, TValue>> valueOf, Expression<Func<TValue, bool>> test) =>
            source.Where(Expression.Lambda<Func<T, bool>>(ExpressionInliner.Inline(test, ExpressionInliner.Inline(valueOf, row)), row));

        if (scheme is { } only)
        {
            rows = Where(rows, schemeOf, s => s == only);
        }

        if (statuses is { Count: 1 })
        {
            var status = statuses.First();
            rows = Where(rows, statusOf, s => s == status);
        }
        else if (statuses is not null)
        {
            rows = Where(rows, statusOf, s => statuses.Contains(s));
        }

        return rows;
    }

    public async Task<RecordAccessExplanation?> ExplainAsync(PersonId personId, AgencyCode owner, DataCategory category, CancellationToken cancellationToken)
    {
        if (Reader() is not { } reader || owner == reader.Agency)
        {
            return null;
        }

        // The same query as for many records, over the one person row, with owner and category as SQL parameters.
        var person = Expression.Parameter(typeof(Person), "person");
        var rows = db.People.AsNoTracking().Where(p => p.Id == personId).Select(Expression.Lambda<Func<Person, ExplanationRow<PersonId>>>(
            ExplanationOf<PersonId>(Rules(reader), Expression.Property(person, nameof(Person.Id)), Parameter(personId), Parameter(owner), Parameter(category)),
            person));
        var explained = await ExplanationsAsync(await rows.ToListAsync(cancellationToken), cancellationToken);
        return explained.GetValueOrDefault(personId);
    }

    public async Task<IReadOnlyDictionary<TKey, RecordAccessExplanation>> ExplainManyAsync<T, TKey>(
        IQueryable<T> records, Expression<Func<T, TKey>> key, CancellationToken cancellationToken)
        where T : class, IAgencyOwned
        where TKey : notnull
    {
        if (Reader() is not { } reader)
        {
            return new Dictionary<TKey, RecordAccessExplanation>();
        }

        var record = Expression.Parameter(typeof(T), "record");
        var owner = Expression.Property(record, nameof(IAgencyOwned.OwnerAgency));
        var category = Expression.Property(record, nameof(IAgencyOwned.DataCategory));
        var rules = Rules(reader);
        var rows = records
            .Where(Expression.Lambda<Func<T, bool>>(Expression.Not(ExpressionInliner.Inline(rules.OwnRecord, owner)), record))
            .Select(Expression.Lambda<Func<T, ExplanationRow<TKey>>>(
                ExplanationOf<TKey>(rules, ExpressionInliner.Inline(key, record), PersonIdOf(record), owner, category,
                    HouseholdOf(record), worksCase: record.Type == typeof(Person), memberRightWhen: AboutFamily(record)), record));
        return await ExplanationsAsync(await rows.ToListAsync(cancellationToken), cancellationToken);
    }

    /// <summary>
    /// For one record (its key, person, owner and category as expressions), the reasons it may be read, as correlated
    /// subqueries: the right that covers it (one resting on an agreement that needs no consent first), with its
    /// agreement and consent, and the reader's live break-glass grant. One row per record, in one query.
    /// </summary>
    private MemberInitExpression ExplanationOf<TKey>(
        RuleParts rules, Expression key, Expression person, Expression owner, Expression category, Expression? household = null, bool worksCase = false,
        Expression? memberRightWhen = null)
    {
        var right = Expression.Parameter(typeof(SharingRight), "right");
        Expression covers = ExpressionInliner.Inline(rules.RightCovers, right, person, owner, category);
        if (household is not null)
        {
            // A family case (or a record about the family) is explained by a right of a member of its household on
            // the day (DOMAIN.md IS7b).
            Expression memberCovers = ExpressionInliner.Inline(rules.MemberRightCovers, right, household, owner, category);
            covers = Expression.OrElse(covers, memberRightWhen is null ? memberCovers : Expression.AndAlso(memberRightWhen, memberCovers));
        }

        var covering = Expression.Lambda<Func<SharingRight, bool>>(
            Expression.AndAlso(ExpressionInliner.Inline(rules.Shareable, category), covers),
            right);
        var chosen = db.SharingRights
            .Where(covering)
            .OrderBy(p => p.ConsentId != null).ThenBy(p => p.AgreementId).ThenBy(p => p.ConsentId);

        var grant = Expression.Parameter(typeof(BreakGlassGrant), "grant");
        var liveGrants = db.BreakGlassGrants
            .Where(Expression.Lambda<Func<BreakGlassGrant, bool>>(ExpressionInliner.Inline(rules.GrantCovers, grant, person), grant))
            .OrderByDescending(g => g.ExpiresAtUtc).ThenBy(g => g.Id);

        var row = typeof(ExplanationRow<TKey>);
        return Expression.MemberInit(
            Expression.New(row),
            Expression.Bind(row.GetProperty(nameof(ExplanationRow<TKey>.Key))!, key),
            Expression.Bind(row.GetProperty(nameof(ExplanationRow<TKey>.AgreementId))!, FirstOrDefault(chosen.Select(p => (SharingAgreementId?)p.AgreementId))),
            Expression.Bind(row.GetProperty(nameof(ExplanationRow<TKey>.ConsentId))!, FirstOrDefault(chosen.Select(p => p.ConsentId))),
            Expression.Bind(row.GetProperty(nameof(ExplanationRow<TKey>.GrantId))!, FirstOrDefault(liveGrants.Select(g => (BreakGlassGrantId?)g.Id))),
            Expression.Bind(row.GetProperty(nameof(ExplanationRow<TKey>.GrantExpiresAtUtc))!, FirstOrDefault(liveGrants.Select(g => (DateTime?)g.ExpiresAtUtc))),
            Expression.Bind(row.GetProperty(nameof(ExplanationRow<TKey>.WorksCase))!, worksCase ? ExpressionInliner.Inline(rules.WorksCaseOn, person) : Expression.Constant(false)));
    }

    /// <summary>Turns the rows into explanations, with the names of the agreements in one more query.</summary>
    private async Task<IReadOnlyDictionary<TKey, RecordAccessExplanation>> ExplanationsAsync<TKey>(List<ExplanationRow<TKey>> rows, CancellationToken cancellationToken)
        where TKey : notnull
    {
        var agreementIds = rows.Where(r => r.AgreementId is not null).Select(r => r.AgreementId!.Value).Distinct().ToList();
        var agreements = agreementIds.Count == 0
            ? []
            : await db.SharingAgreements.AsNoTracking()
                .Where(a => agreementIds.Contains(a.Id))
                .Select(a => new { a.Id, a.Name, a.ConsentRequired })
                .ToDictionaryAsync(a => a.Id, cancellationToken);

        var explained = new Dictionary<TKey, RecordAccessExplanation>();
        foreach (var row in rows)
        {
            if (row.AgreementId is { } agreementId && agreements.TryGetValue(agreementId, out var agreement))
            {
                explained[row.Key] = agreement.ConsentRequired
                    ? new RecordAccessExplanation(AccessRules.Consent, agreementId.Value, row.ConsentId?.Value, AgreementName: agreement.Name)
                    : new RecordAccessExplanation(AccessRules.SharingAgreement, agreementId.Value, AgreementName: agreement.Name);
            }
            else if (row.GrantId is { } grantId && row.GrantExpiresAtUtc is { } expires)
            {
                explained[row.Key] = new RecordAccessExplanation(AccessRules.BreakGlass, GrantId: grantId.Value,
                    GrantExpiresAt: new DateTimeOffset(DateTime.SpecifyKind(expires, DateTimeKind.Utc)));
            }
            else if (row.WorksCase)
            {
                explained[row.Key] = new RecordAccessExplanation(AccessRules.OpenCase);
            }
        }

        return explained;
    }

    private ReaderContext? Reader()
    {
        var actor = currentUser.Actor;
        return actor.Agency is { } agency && actor.UserId is { } userId && Policies.Allows(Policies.ReadCaseData, actor)
            ? new ReaderContext(agency, userId, clock.Today, clock.Now.UtcDateTime)
            : null;
    }

    /// <summary>
    /// The parts of the rule, each written once. Captured values (reader, today, now) become SQL parameters; the
    /// record's person, owner and category are put in by <see cref="ExpressionInliner"/>. Branch 2 of the rule, the
    /// agreements and consents, is read from <see cref="SharingRight"/> rows, which are derived from them on
    /// every save (ADR 0015): what stays here is whether one of them counts today.
    /// </summary>
    private RuleParts Rules(ReaderContext reader)
    {
        var agency = reader.Agency;
        var userId = reader.UserId;
        var today = reader.Today;
        var now = reader.NowUtc;
        IQueryable<SharingAgreement> agreements = db.SharingAgreements;
        IQueryable<Household> households = db.Households;
        IQueryable<Case> cases = db.Cases;
        return new RuleParts(
            OwnRecord: owner => owner == agency,
            ConsentNamesReader: consent => consent.Recipients.Any(r => r.Agency == agency),
            Shareable: category => category != DataCategory.VictimSensitive,
            RightCovers: (right, personId, owner, category) =>
                right.PersonId == personId
                && right.ReaderAgency == agency
                && right.DataCategory == category
                && right.ValidFrom <= today
                && (right.ValidTo == null || right.ValidTo >= today)
                && agreements.Any(a => a.Id == right.AgreementId && a.Agencies.Any(party => party.Agency == owner)),
            MemberRightCovers: (right, household, owner, category) =>
                right.ReaderAgency == agency
                && right.DataCategory == category
                && right.ValidFrom <= today
                && (right.ValidTo == null || right.ValidTo >= today)
                && agreements.Any(a => a.Id == right.AgreementId && a.Agencies.Any(party => party.Agency == owner))
                // "The right's person is among the household's members today" as an IN list, not EXISTS over the
                // member: the planner then looks the rights up by person from the household's few members, instead of
                // walking every right the reader's agency holds and asking each about the household (docs/performance.md).
                && households.Where(h => (HouseholdId?)h.Id == household)
                    .SelectMany(h => h.Members)
                    .Where(m => m.From <= today && (m.To == null || m.To >= today))
                    .Select(m => m.PersonId)
                    .Contains(right.PersonId),
            WorksCaseOn: person => cases.Any(c => c.OwnerAgency == agency && c.Status != CaseStatus.Exited
                && (c.PersonId == person
                    || (c.HouseholdId != null && households.Any(h => (HouseholdId?)h.Id == c.HouseholdId
                        && h.Members.Any(m => m.PersonId == person && m.From <= today && (m.To == null || m.To >= today)))))),
            CaseReaderCounts: caseReader => caseReader.ReaderAgency == agency && caseReader.ValidFrom <= today && caseReader.ValidTo >= today,
            GrantCovers: (grant, personId) => grant.PersonId == personId && grant.UserId == userId && grant.ExpiresAtUtc > now);
    }

    /// <summary>A case reader row of this case that counts for the reader today.</summary>
    private static Expression<Func<CaseReader, bool>> CaseReaderCovers(RuleParts rules, Expression caseId)
    {
        var caseReader = Expression.Parameter(typeof(CaseReader), "caseReader");
        return Expression.Lambda<Func<CaseReader, bool>>(
            Expression.AndAlso(
                Expression.Equal(Expression.Property(caseReader, nameof(CaseReader.CaseId)), caseId),
                ExpressionInliner.Inline(rules.CaseReaderCounts, caseReader)),
            caseReader);
    }

    // A family case is about no one person (its PersonId is null): no person's right or grant matches it, so it is
    // read through its reader rows, which are derived from its members' rights (DOMAIN.md IS7b).
    private static Expression PersonIdOf(ParameterExpression record) =>
        record.Type == typeof(Person)
            ? Expression.Property(record, nameof(Person.Id))
            : record.Type == typeof(Case)
            ? Expression.Convert(Expression.Property(record, nameof(Case.PersonId)), typeof(PersonId))
            : typeof(IHouseholdRecord).IsAssignableFrom(record.Type)
            ? Expression.Convert(Expression.Property(record, nameof(IHouseholdRecord.PersonId)), typeof(PersonId))
            : typeof(IPersonRecord).IsAssignableFrom(record.Type)
                ? Expression.Property(record, nameof(IPersonRecord.PersonId))
                : throw new InvalidOperationException($"{record.Type.Name} is not about one person, so the access rule cannot apply to it.");

    /// <summary>The household whose members' rights may open the record: a family case's, or a household record's.</summary>
    private static Expression? HouseholdOf(ParameterExpression record) =>
        record.Type == typeof(Case)
            ? Expression.Property(record, nameof(Case.HouseholdId))
            : typeof(IHouseholdRecord).IsAssignableFrom(record.Type)
            ? Expression.Convert(Expression.Property(record, nameof(IHouseholdRecord.HouseholdId)), typeof(HouseholdId?))
            : null;

    /// <summary>For a household record, "it is about the family" (no member named); null for every other kind.</summary>
    private static BinaryExpression? AboutFamily(ParameterExpression record) =>
        typeof(IHouseholdRecord).IsAssignableFrom(record.Type)
            ? Expression.Equal(Expression.Property(record, nameof(IHouseholdRecord.PersonId)), Expression.Constant(null, typeof(PersonId?)))
            : null;

    /// <summary>A value as a member of a captured object, so EF Core sends it as a SQL parameter and reuses the query plan.</summary>
    private static MemberExpression Parameter<TValue>(TValue value) =>
        Expression.Property(Expression.Constant(new Captured<TValue>(value)), nameof(Captured<TValue>.Value));

    private static MethodCallExpression Any<TEntity>(IQueryable<TEntity> set, Expression<Func<TEntity, bool>> predicate) =>
        Expression.Call(QueryableAny.MakeGenericMethod(typeof(TEntity)), set.Expression, Expression.Quote(predicate));

    private static MethodCallExpression FirstOrDefault<TValue>(IQueryable<TValue> query) =>
        Expression.Call(QueryableFirstOrDefault.MakeGenericMethod(typeof(TValue)), query.Expression);

    private sealed record Captured<TValue>(TValue Value);

    /// <summary>One record's reasons, as the explanation query returns them; the rule picks among them.</summary>
    private sealed class ExplanationRow<TKey>
    {
        public TKey Key { get; init; } = default!;

        public SharingAgreementId? AgreementId { get; init; }

        public ConsentId? ConsentId { get; init; }

        public BreakGlassGrantId? GrantId { get; init; }

        public DateTime? GrantExpiresAtUtc { get; init; }

        public bool WorksCase { get; init; }
    }

    private sealed record ReaderContext(AgencyCode Agency, Guid UserId, DateOnly Today, DateTime NowUtc);

    private sealed record RuleParts(
        Expression<Func<AgencyCode, bool>> OwnRecord,
        Expression<Func<Consent, bool>> ConsentNamesReader,
        Expression<Func<DataCategory, bool>> Shareable,
        Expression<Func<SharingRight, PersonId, AgencyCode, DataCategory, bool>> RightCovers,
        Expression<Func<SharingRight, HouseholdId?, AgencyCode, DataCategory, bool>> MemberRightCovers,
        Expression<Func<PersonId, bool>> WorksCaseOn,
        Expression<Func<CaseReader, bool>> CaseReaderCounts,
        Expression<Func<BreakGlassGrant, PersonId, bool>> GrantCovers);
}
