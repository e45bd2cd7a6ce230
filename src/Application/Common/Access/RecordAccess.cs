using System.Linq.Expressions;
using System.Reflection;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Common.Time;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Common;
using CaseManager.Domain.People;
using CaseManager.Domain.Sharing;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Common.Access;

/// <summary>
/// The access rule of DOMAIN.md IS7, as query predicates EF Core translates to SQL. A user reads a record when
/// (1) their agency owns it; or (2) an agreement in force covers owner and reader, the record's category and a
/// scheme the person is enrolled in (an open case) and the reader's agency takes part in, with, where the agreement
/// requires it, the person's consent for that scheme, reader and category, given and not withdrawn or past review;
/// or (3) they hold a live break-glass grant for the person. Victim-sensitive records are never shared by
/// agreement. Actors without an agency or without a case-reading role see nothing.
/// </summary>
public sealed class RecordAccess(IAppDbContext db, ICurrentUser currentUser, PartnershipClock clock) : IRecordAccess
{
    // Looked up once, not searched for by name among all overloads each time: the rule is built for every read.
    private static readonly MethodInfo QueryableAny = new Func<IQueryable<object>, Expression<Func<object, bool>>, bool>(Queryable.Any).Method.GetGenericMethodDefinition();
    private static readonly MethodInfo EnumerableAny = new Func<IEnumerable<object>, Func<object, bool>, bool>(Enumerable.Any).Method.GetGenericMethodDefinition();

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
        var rules = Rules(reader, OwnEnrolment(record));

        var agreement = Expression.Parameter(typeof(SharingAgreement), "agreement");
        var grant = Expression.Parameter(typeof(BreakGlassGrant), "grant");
        var body = Expression.OrElse(
            Expression.OrElse(
                ExpressionInliner.Inline(rules.OwnRecord, owner),
                Expression.AndAlso(
                    ExpressionInliner.Inline(rules.Shareable, category),
                    Any(db.SharingAgreements, Expression.Lambda<Func<SharingAgreement, bool>>(
                        ExpressionInliner.Inline(rules.AgreementCovers, agreement, personId, owner, category), agreement)))),
            Any(db.BreakGlassGrants, Expression.Lambda<Func<BreakGlassGrant, bool>>(
                ExpressionInliner.Inline(rules.GrantCovers, grant, personId), grant)));
        return source.Where(Expression.Lambda<Func<T, bool>>(body, record));
    }

    public async Task<RecordAccessExplanation?> ExplainAsync(PersonId personId, AgencyCode owner, DataCategory category, CancellationToken cancellationToken)
    {
        if (Reader() is not { } reader || owner == reader.Agency)
        {
            return null;
        }

        var rules = Rules(reader);
        var person = Parameter(personId);
        var ownerAgency = Parameter(owner);
        var dataCategory = Parameter(category);
        if (category != DataCategory.VictimSensitive)
        {
            var agreement = Expression.Parameter(typeof(SharingAgreement), "agreement");
            var covering = await db.SharingAgreements.AsNoTracking()
                .Where(Expression.Lambda<Func<SharingAgreement, bool>>(
                    ExpressionInliner.Inline(rules.AgreementCovers, agreement, person, ownerAgency, dataCategory), agreement))
                .OrderBy(a => a.ConsentRequired)
                .Select(a => new { a.Id, a.Name, a.ConsentRequired, Purposes = a.Purposes.Select(p => p.Scheme).ToList() })
                .FirstOrDefaultAsync(cancellationToken);
            if (covering is not null && !covering.ConsentRequired)
            {
                return new RecordAccessExplanation(AccessRules.SharingAgreement, covering.Id.Value, AgreementName: covering.Name);
            }

            if (covering is not null)
            {
                // The consent that allows it is one for a purpose of this agreement that the reader takes part in
                // and the person is enrolled in: the same conditions as the rule itself.
                var consent = Expression.Parameter(typeof(Consent), "consent");
                var purpose = Expression.Property(consent, nameof(Consent.Purpose));
                var consentAllows = Expression.AndAlso(
                    ExpressionInliner.Inline(rules.ConsentCovers, consent, purpose, person, dataCategory),
                    ExpressionInliner.Inline(rules.EnrolledAndTakingPart, purpose, person));
                var purposes = covering.Purposes;
                var consentId = await db.Consents.AsNoTracking()
                    .Where(Expression.Lambda<Func<Consent, bool>>(consentAllows, consent))
                    .Where(c => purposes.Contains(c.Purpose))
                    .OrderBy(c => c.Id)
                    .Select(c => c.Id)
                    .FirstOrDefaultAsync(cancellationToken);
                return new RecordAccessExplanation(AccessRules.Consent, covering.Id.Value, consentId.Value, AgreementName: covering.Name);
            }
        }

        var now = clock.Now.UtcDateTime;
        var liveGrant = await db.BreakGlassGrants.AsNoTracking()
            .Where(g => g.PersonId == personId && g.UserId == reader.UserId && g.ExpiresAtUtc > now)
            .OrderByDescending(g => g.ExpiresAtUtc)
            .Select(g => new { g.Id, g.ExpiresAtUtc })
            .FirstOrDefaultAsync(cancellationToken);
        return liveGrant is null
            ? null
            : new RecordAccessExplanation(AccessRules.BreakGlass, GrantId: liveGrant.Id.Value,
                GrantExpiresAt: new DateTimeOffset(DateTime.SpecifyKind(liveGrant.ExpiresAtUtc, DateTimeKind.Utc)));
    }

    private ReaderContext? Reader()
    {
        var actor = currentUser.Actor;
        return actor.Agency is { } agency && actor.UserId is { } userId && Policies.Allows(Policies.ReadCaseData, actor)
            ? new ReaderContext(agency, userId, clock.Today, clock.Now.UtcDateTime)
            : null;
    }

    /// <summary>
    /// The parts of the rule, each written once. Captured values (reader, today, now) become SQL parameters;
    /// the record's person, owner and category are put in by <see cref="ExpressionInliner"/>. Given a scheme,
    /// recordEnrolment says whether the record itself shows the person enrolled in it (null: it never can).
    /// </summary>
    private RuleParts Rules(ReaderContext reader, Func<Expression, Expression>? recordEnrolment = null)
    {
        var agency = reader.Agency;
        var userId = reader.UserId;
        var today = reader.Today;
        var now = reader.NowUtc;
        IQueryable<Agency> agencies = db.Agencies;
        IQueryable<Case> cases = db.Cases;
        IQueryable<Consent> consents = db.Consents;

        Expression<Func<Consent, Scheme, PersonId, DataCategory, bool>> consentCovers = (consent, scheme, personId, category) =>
            consent.PersonId == personId
            && consent.Purpose == scheme
            && consent.Status == ConsentStatus.Given
            && consent.RecordedOn <= today
            && consent.ReviewOn >= today
            && consent.Recipients.Any(r => r.Agency == agency)
            && consent.Categories.Any(c => c.Category == category);

        var consentParameter = Expression.Parameter(typeof(Consent), "consent");
        var purposeParameter = Expression.Parameter(typeof(AgreementPurpose), "purpose");
        var agreementParameter = Expression.Parameter(typeof(SharingAgreement), "agreement");
        var personParameter = Expression.Parameter(typeof(PersonId), "personId");
        var ownerParameter = Expression.Parameter(typeof(AgencyCode), "owner");
        var categoryParameter = Expression.Parameter(typeof(DataCategory), "category");

        Expression<Func<Scheme, bool>> takingPart = scheme =>
            agencies.Any(a => a.Code == agency && a.Schemes.Any(s => s.Scheme == scheme));
        Expression<Func<Scheme, PersonId, bool>> enrolled = (scheme, personId) =>
            cases.Any(c => c.PersonId == personId && c.Scheme == scheme && c.Status != CaseStatus.Exited);
        var schemeParameter = Expression.Parameter(typeof(Scheme), "scheme");
        var enrolledAndTakingPart = Expression.Lambda<Func<Scheme, PersonId, bool>>(
            Expression.AndAlso(ExpressionInliner.Inline(takingPart, schemeParameter), ExpressionInliner.Inline(enrolled, schemeParameter, personParameter)),
            schemeParameter,
            personParameter);
        var purposeScheme = Expression.Property(purposeParameter, nameof(AgreementPurpose.Scheme));
        var enrolment = ExpressionInliner.Inline(enrolled, purposeScheme, personParameter);
        if (recordEnrolment is not null)
        {
            enrolment = Expression.OrElse(recordEnrolment(purposeScheme), enrolment);
        }

        // purpose => takingPart(purpose) && enrolled(purpose, person) && (!agreement.ConsentRequired || consents.Any(consentCovers(...)))
        var purposeAllows = Expression.Lambda<Func<AgreementPurpose, bool>>(
            Expression.AndAlso(
                Expression.AndAlso(ExpressionInliner.Inline(takingPart, purposeScheme), enrolment),
                Expression.OrElse(
                    Expression.Not(Expression.Property(agreementParameter, nameof(SharingAgreement.ConsentRequired))),
                    Any(consents, Expression.Lambda<Func<Consent, bool>>(
                        ExpressionInliner.Inline(consentCovers, consentParameter, Expression.Property(purposeParameter, nameof(AgreementPurpose.Scheme)), personParameter, categoryParameter),
                        consentParameter)))),
            purposeParameter);

        Expression<Func<SharingAgreement, AgencyCode, DataCategory, bool>> agreementTerms = (agreement, owner, category) =>
            agreement.ValidFrom <= today
            && (agreement.ValidTo == null || agreement.ValidTo >= today)
            && agreement.Agencies.Any(a => a.Agency == owner)
            && agreement.Agencies.Any(a => a.Agency == agency)
            && agreement.Categories.Any(c => c.Category == category);

        var agreementCovers = Expression.Lambda<Func<SharingAgreement, PersonId, AgencyCode, DataCategory, bool>>(
            Expression.AndAlso(
                ExpressionInliner.Inline(agreementTerms, agreementParameter, ownerParameter, categoryParameter),
                Expression.Call(
                    EnumerableAny.MakeGenericMethod(typeof(AgreementPurpose)),
                    Expression.Property(agreementParameter, nameof(SharingAgreement.Purposes)), purposeAllows)),
            agreementParameter, personParameter, ownerParameter, categoryParameter);

        return new RuleParts(
            OwnRecord: (AgencyCode owner) => owner == agency,
            Shareable: (DataCategory category) => category != DataCategory.VictimSensitive,
            AgreementCovers: agreementCovers,
            ConsentCovers: consentCovers,
            EnrolledAndTakingPart: enrolledAndTakingPart,
            GrantCovers: (BreakGlassGrant grant, PersonId personId) => grant.PersonId == personId && grant.UserId == userId && grant.ExpiresAtUtc > now);
    }

    /// <summary>
    /// An open case is itself the person's enrolment in its scheme, so for cases the rule need not look the enrolment
    /// up: the same answer, without a search of the whole case table for every row of a caseload (docs/performance.md).
    /// </summary>
    private static Func<Expression, Expression>? OwnEnrolment(ParameterExpression record) =>
        record.Type == typeof(Case)
            ? scheme => Expression.AndAlso(
                Expression.Equal(Expression.Property(record, nameof(Case.Scheme)), scheme),
                Expression.NotEqual(Expression.Property(record, nameof(Case.Status)), Expression.Constant(CaseStatus.Exited)))
            : null;

    private static MemberExpression PersonIdOf(ParameterExpression record) =>
        record.Type == typeof(Person)
            ? Expression.Property(record, nameof(Person.Id))
            : typeof(IPersonRecord).IsAssignableFrom(record.Type)
                ? Expression.Property(record, nameof(IPersonRecord.PersonId))
                : throw new InvalidOperationException($"{record.Type.Name} is not about one person, so the access rule cannot apply to it.");

    /// <summary>A value as a member of a captured object, so EF Core sends it as a SQL parameter and reuses the query plan.</summary>
    private static MemberExpression Parameter<TValue>(TValue value) =>
        Expression.Property(Expression.Constant(new Captured<TValue>(value)), nameof(Captured<TValue>.Value));

    private static MethodCallExpression Any<TEntity>(IQueryable<TEntity> set, Expression<Func<TEntity, bool>> predicate) =>
        Expression.Call(QueryableAny.MakeGenericMethod(typeof(TEntity)), set.Expression, Expression.Quote(predicate));

    private sealed record Captured<TValue>(TValue Value);

    private sealed record ReaderContext(AgencyCode Agency, Guid UserId, DateOnly Today, DateTime NowUtc);

    private sealed record RuleParts(
        Expression<Func<AgencyCode, bool>> OwnRecord,
        Expression<Func<DataCategory, bool>> Shareable,
        Expression<Func<SharingAgreement, PersonId, AgencyCode, DataCategory, bool>> AgreementCovers,
        Expression<Func<Consent, Scheme, PersonId, DataCategory, bool>> ConsentCovers,
        Expression<Func<Scheme, PersonId, bool>> EnrolledAndTakingPart,
        Expression<Func<BreakGlassGrant, PersonId, bool>> GrantCovers);
}
