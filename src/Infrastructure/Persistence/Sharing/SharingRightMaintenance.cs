using CaseManager.Application.Common.Access;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Households;
using CaseManager.Domain.People;
using CaseManager.Domain.Sharing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CaseManager.Infrastructure.Persistence.Sharing;

/// <summary>
/// Keeps <see cref="SharingRight"/> rows (and, through <see cref="CaseReaderMaintenance"/>, the case readers derived
/// from them) equal to what <see cref="SharingRight.Derive"/> makes of the saved
/// agreements, consents, enrolments and agencies' schemes (ADR 0015). <see cref="CaseDbContext"/> collects what a
/// save changes before it saves, then rebuilds the rows those changes touch in the same transaction, under the
/// writers' lock: a withdrawal is in force for the next request, and two saves never derive from each other's
/// half-written state.
/// </summary>
internal static class SharingRightMaintenance
{
    private const int PeoplePerBatch = 500;

    // A case's status decides enrolment (and so rights); all of these are copied into or decide its reader rows.
    private static readonly string[] CaseReaderFacts =
        [nameof(Case.Status), nameof(Case.Scheme), nameof(Case.OwnerAgency), nameof(Case.DataCategory), nameof(Case.PersonId), nameof(Case.HouseholdId)];

    /// <summary>What a save changes that rights are derived from. Read before the save, while states are known.</summary>
    public static SharingRightScope Collect(ChangeTracker tracker)
    {
        var scope = new SharingRightScope();
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            switch (entry.Entity)
            {
                case Case enrolment when entry.State != EntityState.Modified || CaseReaderFacts.Any(p => entry.Property(p).IsModified):
                    if (enrolment.PersonId is { } person)
                    {
                        scope.People.Add(person);
                    }

                    if (entry.Property(nameof(Case.PersonId)).OriginalValue is PersonId before)
                    {
                        scope.People.Add(before);
                    }

                    // A family case enrols every member of its household on the days of their membership (IS7b).
                    if (enrolment.HouseholdId is { } familyHousehold)
                    {
                        scope.Households.Add(familyHousehold);
                    }

                    if (entry.Property(nameof(Case.HouseholdId)).OriginalValue is HouseholdId householdBefore)
                    {
                        scope.Households.Add(householdBefore);
                    }

                    break;
                case Household changed:
                    scope.Households.Add(changed.Id);
                    break;
                case Consent consent:
                    scope.People.Add(consent.PersonId);
                    break;
                case SharingAgreement agreement:
                    scope.Agreements.Add(agreement.Id);
                    break;
                case Agency agency:
                    scope.Agencies.Add(agency.Code);
                    break;
                default:
                    CollectOwned(tracker, entry, scope);
                    break;
            }
        }

        ClassifyChanges(tracker, scope);
        return scope;
    }

    /// <summary>
    /// What each touched agreement and agency change does to the rights (ADR 0026, <see cref="SharingChange"/>),
    /// from the values before and after the save as the change tracker holds them.
    /// </summary>
    private static void ClassifyChanges(ChangeTracker tracker, SharingRightScope scope)
    {
        foreach (var agreementId in scope.Agreements)
        {
            var entry = tracker.Entries<SharingAgreement>().FirstOrDefault(e => e.Entity.Id == agreementId);
            if (entry is null)
            {
                // A party, category or purpose changed without its agreement tracked: nothing to compare, so fail closed.
                scope.AgreementChanges[agreementId] = new AgreementChange(SharingChangeEffect.RevokeNow, Owned<AgencyCode>(tracker, typeof(SharingAgreement), agreementId).Union, $"Agreement {agreementId} changed");
                continue;
            }

            var agencies = Owned<AgencyCode>(tracker, typeof(SharingAgreement), agreementId);
            var categories = Owned<DataCategory>(tracker, typeof(SharingAgreement), agreementId);
            var purposes = Owned<Scheme>(tracker, typeof(SharingAgreement), agreementId);
            AgreementScope? before = entry.State == EntityState.Added
                ? null
                : new AgreementScope(
                    agencies.Before,
                    categories.Before,
                    purposes.Before,
                    (bool)entry.Property(nameof(SharingAgreement.ConsentRequired)).OriginalValue!,
                    (DateOnly)entry.Property(nameof(SharingAgreement.ValidFrom)).OriginalValue!,
                    (DateOnly?)entry.Property(nameof(SharingAgreement.ValidTo)).OriginalValue);
            AgreementScope? after = entry.State == EntityState.Deleted
                ? null
                : new AgreementScope(agencies.After, categories.After, purposes.After, entry.Entity.ConsentRequired, entry.Entity.ValidFrom, entry.Entity.ValidTo);
            var effect = SharingChange.OfAgreement(before, after);
            var name = entry.Entity.Name;
            var what = (before, after, effect) switch
            {
                (null, _, _) => $"Agreement \"{name}\" created",
                (_, null, _) => $"Agreement \"{name}\" deleted",
                ({ } was, { } now, SharingChangeEffect.RevokeNow) when now.ValidTo is { } end && (was.ValidTo is null || end < was.ValidTo) => $"Agreement \"{name}\" ended or shortened",
                (_, _, SharingChangeEffect.RevokeNow) => $"Agreement \"{name}\" narrowed",
                _ => $"Agreement \"{name}\" widened",
            };
            scope.AgreementChanges[agreementId] = new AgreementChange(effect, agencies.Union, what);
        }

        foreach (var code in scope.Agencies)
        {
            var entry = tracker.Entries<Agency>().FirstOrDefault(e => e.Entity.Code == code);
            var schemes = Owned<Scheme>(tracker, typeof(Agency), code);
            var effect = entry is null
                ? SharingChangeEffect.RevokeNow
                : SharingChange.OfAgencySchemes(entry.State == EntityState.Added ? null : schemes.Before, entry.State == EntityState.Deleted ? null : schemes.After);
            var what = entry?.State switch
            {
                EntityState.Added => $"Agency {code} added",
                EntityState.Deleted => $"Agency {code} removed",
                _ when effect == SharingChangeEffect.RevokeNow => $"Agency {code} left a scheme",
                _ => $"Agency {code} joined a scheme",
            };
            scope.AgencyChanges[code] = new AgencyChange(effect, what);
        }
    }

    /// <summary>
    /// The values of an owner's owned rows of one kind (an agreement's parties, categories or purposes; an agency's
    /// schemes) before and after the save: a deleted row only before, an added row only after.
    /// </summary>
    private static (HashSet<T> Before, HashSet<T> After, HashSet<T> Union) Owned<T>(ChangeTracker tracker, Type ownerType, object ownerKey)
    {
        HashSet<T> before = [], after = [];
        foreach (var entry in tracker.Entries())
        {
            if (entry.Metadata.FindOwnership() is not { } ownership || ownership.PrincipalEntityType.ClrType != ownerType || entry.State == EntityState.Detached)
            {
                continue;
            }

            var foreignKey = entry.Property(ownership.Properties[0].Name);
            var owner = entry.State == EntityState.Deleted ? foreignKey.OriginalValue : foreignKey.CurrentValue;
            if (!Equals(owner, ownerKey))
            {
                continue;
            }

            var value = entry.Properties.FirstOrDefault(p => p.Metadata.ClrType == typeof(T));
            if (value is null)
            {
                continue;
            }

            if (entry.State != EntityState.Added)
            {
                before.Add((T)value.OriginalValue!);
            }

            if (entry.State != EntityState.Deleted)
            {
                after.Add((T)value.CurrentValue!);
            }
        }

        return (before, after, [.. before, .. after]);
    }

    /// <summary>
    /// Brings the rows the changes touched up to date. Runs after the changes are saved, in their transaction, under
    /// the writers' lock. A person's own facts (cases, consents, memberships) are derived again here. A change to an
    /// agreement or an agency's schemes only takes away here: if it could remove access, the rows it rests on are
    /// deleted at once; what it allows is worked out by the background derivation it records (ADR 0026).
    /// </summary>
    public static async Task ApplyAsync(CaseDbContext db, SharingRightScope scope, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (scope.Everything)
        {
            await RebuildAllAsync(db, cancellationToken);
            return;
        }

        // Fail closed first: the case readers a right under the agreement (or of the agency) may have made, then the rights.
        foreach (var (agreementId, change) in scope.AgreementChanges.Where(c => c.Value.Effect == SharingChangeEffect.RevokeNow))
        {
            await RevokeAgreementAsync(db, agreementId, change.Parties, cancellationToken);
        }

        foreach (var code in scope.AgencyChanges.Where(c => c.Value.Effect == SharingChangeEffect.RevokeNow).Select(c => c.Key))
        {
            await db.Set<CaseReader>().Where(r => r.ReaderAgency == code).ExecuteDeleteAsync(cancellationToken);
            await db.Set<SharingRight>().Where(r => r.ReaderAgency == code).ExecuteDeleteAsync(cancellationToken);
        }

        await RebuildForPeopleAsync(db, scope, cancellationToken);

        var changes = scope.AgreementChanges.Values.Select(c => (c.Effect, c.What))
            .Concat(scope.AgencyChanges.Values.Select(c => (c.Effect, c.What)))
            .Where(c => c.Effect != SharingChangeEffect.None)
            .ToList();
        if (changes.Count > 0)
        {
            await RequestDerivationAsync(
                db, string.Join("; ", changes.Select(c => c.What)), changes.Any(c => c.Effect == SharingChangeEffect.RevokeNow), now, cancellationToken);
        }
    }

    /// <summary>The per-person upkeep: the rights and case readers of the people the save touched, from the facts as saved.</summary>
    private static async Task RebuildForPeopleAsync(CaseDbContext db, SharingRightScope scope, CancellationToken cancellationToken)
    {
        // A household's change touches everyone who was ever a member: their enrolments through its cases.
        foreach (var households in scope.Households.Chunk(PeoplePerBatch))
        {
            scope.People.UnionWith(await db.Households.AsNoTracking()
                .Where(h => households.Contains(h.Id))
                .SelectMany(h => h.Members)
                .Select(m => m.PersonId)
                .Distinct()
                .ToListAsync(cancellationToken));
        }

        if (scope.People.Count == 0)
        {
            return;
        }

        var facts = await SharedFacts.LoadAsync(db, cancellationToken);
        foreach (var people in scope.People.Chunk(PeoplePerBatch))
        {
            await db.Set<SharingRight>().Where(p => people.Contains(p.PersonId)).ExecuteDeleteAsync(cancellationToken);
            await BulkInsert.InsertAsync(db, await DeriveForPeopleAsync(db, people, facts, cancellationToken), ifAbsent: false, cancellationToken);
        }

        await CaseReaderMaintenance.RebuildForPeopleAsync(db, scope.People, facts.Parties, cancellationToken);
    }

    /// <summary>
    /// Deletes an agreement's rights and every case reader row one of them may have made: of a reader that is (or
    /// was) a party, on a case about a person who holds a right under it (their own cases and their households'
    /// family cases). Rows another agreement also made go too; the derivation puts them back. Two set-based deletes.
    /// </summary>
    private static async Task RevokeAgreementAsync(CaseDbContext db, SharingAgreementId agreementId, IReadOnlySet<AgencyCode> parties, CancellationToken cancellationToken)
    {
        var readers = parties.ToList();
        var holders = db.SharingRights.Where(r => r.AgreementId == agreementId).Select(r => r.PersonId);
        var households = db.Households.Where(h => h.Members.Any(m => holders.Contains(m.PersonId))).Select(h => (HouseholdId?)h.Id);
        var cases = db.Cases.Where(c => (c.PersonId != null && holders.Contains(c.PersonId.Value)) || (c.HouseholdId != null && households.Contains(c.HouseholdId)))
            .Select(c => c.Id);
        await db.Set<CaseReader>().Where(r => readers.Contains(r.ReaderAgency) && cases.Contains(r.CaseId)).ExecuteDeleteAsync(cancellationToken);
        await db.Set<SharingRight>().Where(r => r.AgreementId == agreementId).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>
    /// Records a derivation of everyone's rows, to be worked out in the background; an unfinished earlier one is
    /// superseded, since this one goes over everyone again from facts at least as new.
    /// </summary>
    private static async Task RequestDerivationAsync(CaseDbContext db, string reason, bool revokedAtOnce, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await db.SharingRightDerivations
            .Where(d => d.Status == SharingRightDerivationStatus.Queued || d.Status == SharingRightDerivationStatus.Running)
            .ExecuteUpdateAsync(
                u => u.SetProperty(d => d.Status, SharingRightDerivationStatus.Superseded).SetProperty(d => d.FinishedAt, now),
                cancellationToken);
        var people = await db.People.CountAsync(cancellationToken);
        await BulkInsert.InsertAsync(db, [SharingRightDerivation.Request(reason, revokedAtOnce, people, now)], ifAbsent: false, cancellationToken);
    }

    /// <summary>
    /// One batch of the oldest unfinished derivation (ADR 0026): the next <paramref name="count"/> people after its
    /// cursor, in id order, each person's rights and case readers made again from the facts as they are now, and the
    /// cursor moved on, in the caller's transaction under the writers' lock. Deriving a batch twice gives the same
    /// rows, so a batch that ran but whose cursor was lost with a killed process does no harm when it runs again.
    /// </summary>
    public static async Task<SharingRightDerivationBatch?> DeriveNextBatchAsync(CaseDbContext db, int count, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var derivation = await db.SharingRightDerivations
            .Where(d => d.Status == SharingRightDerivationStatus.Queued || d.Status == SharingRightDerivationStatus.Running)
            .OrderBy(d => d.RequestedAt)
            .ThenBy(d => d.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (derivation is null)
        {
            return null;
        }

        derivation.Start(await db.People.CountAsync(cancellationToken), now);
        var remaining = db.People.AsNoTracking();
        if (derivation.Cursor is { } after)
        {
            remaining = remaining.Where(p => p.Id > after);
        }

        var people = await remaining
            .OrderBy(p => p.Id)
            .Select(p => p.Id)
            .Take(count)
            .ToArrayAsync(cancellationToken);
        if (people.Length > 0)
        {
            await RebuildForPeopleAsync(db, new SharingRightScope(people), cancellationToken);
            derivation.Advance(people.Length, people[^1]);
        }

        if (people.Length < count)
        {
            derivation.Finish(now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new SharingRightDerivationBatch(derivation.Id, derivation.Done, derivation.Total, derivation.Status == SharingRightDerivationStatus.Finished);
    }

    /// <summary>
    /// Compares the stored rights and case readers of a batch of people (in id order, from <paramref name="skip"/>)
    /// with what their facts derive, and makes again the rows of those that differ. Runs in the caller's
    /// transaction, under the writers' lock, so that it sees no half-made save. Ids grow with time (version 7), so a
    /// person added during a check comes after the batches already checked and does not shift them.
    /// </summary>
    public static async Task<DerivedAccessCheck> CheckAndRepairAsync(CaseDbContext db, int skip, int count, CancellationToken cancellationToken)
    {
        var people = await db.People.AsNoTracking()
            .OrderBy(p => p.Id)
            .Select(p => p.Id)
            .Skip(skip)
            .Take(count)
            .ToArrayAsync(cancellationToken);
        if (people.Length == 0)
        {
            return new DerivedAccessCheck(0, [], More: false);
        }

        var facts = await SharedFacts.LoadAsync(db, cancellationToken);
        var expected = await DeriveForPeopleAsync(db, people, facts, cancellationToken);
        var stored = await db.SharingRights.AsNoTracking().Where(r => people.Contains(r.PersonId)).ToListAsync(cancellationToken);
        var differing = Differing(expected, stored, r => r.PersonId, r => (r.PersonId, r.ReaderAgency, r.DataCategory, r.AgreementId, r.ConsentId, r.ValidFrom, r.ValidTo));
        differing.UnionWith(await CaseReaderMaintenance.DifferingPeopleAsync(db, people, expected, facts.Parties, cancellationToken));
        if (differing.Count > 0)
        {
            await RebuildForPeopleAsync(db, new SharingRightScope(differing), cancellationToken);
        }

        return new DerivedAccessCheck(people.Length, [.. differing.OrderBy(p => p.Value)], More: people.Length == count);
    }

    /// <summary>The people whose expected and stored rows are not the same rows, each as often.</summary>
    internal static HashSet<PersonId> Differing<TRow, TKey>(IEnumerable<TRow> expected, IEnumerable<TRow> stored, Func<TRow, PersonId> person, Func<TRow, TKey> key)
        where TKey : notnull
    {
        var counts = new Dictionary<TKey, (PersonId Person, int Balance)>();
        foreach (var row in expected)
        {
            var k = key(row);
            counts[k] = (person(row), counts.GetValueOrDefault(k).Balance + 1);
        }

        foreach (var row in stored)
        {
            var k = key(row);
            counts[k] = (person(row), counts.GetValueOrDefault(k).Balance - 1);
        }

        return [.. counts.Values.Where(c => c.Balance != 0).Select(c => c.Person)];
    }

    /// <summary>What these people's rights should be: their open enrolments and given consents under every agreement.</summary>
    private static async Task<List<SharingRight>> DeriveForPeopleAsync(CaseDbContext db, PersonId[] people, SharedFacts facts, CancellationToken cancellationToken)
    {
        var enrolments = await EnrolmentsAsync(db, db.Cases.Where(c => c.PersonId != null && people.Contains(c.PersonId.Value)), people, cancellationToken);
        return await DeriveAsync(db, enrolments, facts.Agreements, facts, cancellationToken);
    }

    /// <summary>
    /// Makes every row again, and the case readers derived from them: after agencies change their schemes, and
    /// after data was loaded around EF.
    /// </summary>
    public static async Task RebuildAllAsync(CaseDbContext db, CancellationToken cancellationToken)
    {
        // Everyone's rows are made here from the facts as they are: nothing is left for a background derivation.
        await db.SharingRightDerivations
            .Where(d => d.Status == SharingRightDerivationStatus.Queued || d.Status == SharingRightDerivationStatus.Running)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.Status, SharingRightDerivationStatus.Superseded), cancellationToken);
        await db.Set<SharingRight>().ExecuteDeleteAsync(cancellationToken);
        var facts = await SharedFacts.LoadAsync(db, cancellationToken);
        foreach (var agreement in facts.Agreements)
        {
            await RebuildAgreementAsync(db, agreement, facts, cancellationToken);
        }

        await CaseReaderMaintenance.RebuildAllAsync(db, facts.Parties, cancellationToken);
    }

    /// <summary>
    /// An agreement's rows, for everyone enrolled in one of its purposes, a batch of people at a time. Returns the
    /// people it gave rights to.
    /// </summary>
    private static async Task<HashSet<PersonId>> RebuildAgreementAsync(CaseDbContext db, SharingAgreement agreement, SharedFacts facts, CancellationToken cancellationToken)
    {
        var purposes = agreement.Purposes.Select(p => p.Scheme).ToList();
        var enrolments = await EnrolmentsAsync(db, db.Cases.Where(c => purposes.Contains(c.Scheme)), people: null, cancellationToken);
        var given = new HashSet<PersonId>();
        foreach (var batch in enrolments.GroupBy(e => e.PersonId).Chunk(PeoplePerBatch))
        {
            var rights = await DeriveAsync(db, [.. batch.SelectMany(person => person)], [agreement], facts, cancellationToken);
            await BulkInsert.InsertAsync(db, rights, ifAbsent: false, cancellationToken);
            given.UnionWith(rights.Select(r => r.PersonId));
        }

        return given;
    }

    /// <summary>
    /// A person is enrolled in a scheme while they have a case in it that is not exited; and (DOMAIN.md IS7b) on the
    /// days they are a member of a household with a family case in it that is not exited. The person cases are those
    /// of <paramref name="cases"/>; the family cases are those of the same schemes whose members include
    /// <paramref name="people"/> (every member when null).
    /// </summary>
    private static async Task<List<Enrolment>> EnrolmentsAsync(CaseDbContext db, IQueryable<Case> cases, PersonId[]? people, CancellationToken cancellationToken)
    {
        var open = await cases.AsNoTracking()
            .Where(c => c.Status != CaseStatus.Exited && c.PersonId != null)
            .Select(c => new { PersonId = c.PersonId!.Value, c.Scheme })
            .Distinct()
            .ToListAsync(cancellationToken);
        var memberships = db.Households.AsNoTracking().SelectMany(h => h.Members, (h, m) => new { HouseholdId = h.Id, m.PersonId, m.From, m.To });
        var familyCases = db.Cases.AsNoTracking().Where(c => c.Status != CaseStatus.Exited && c.HouseholdId != null);
        if (people is not null)
        {
            memberships = memberships.Where(m => people.Contains(m.PersonId));
        }
        else
        {
            var schemes = cases.Select(c => c.Scheme);
            familyCases = familyCases.Where(c => schemes.Contains(c.Scheme));
        }

        var viaHouseholds = await familyCases
            .Join(memberships, c => c.HouseholdId, m => (HouseholdId?)m.HouseholdId, (c, m) => new { m.PersonId, c.Scheme, m.From, m.To })
            .Distinct()
            .ToListAsync(cancellationToken);
        return
        [
            .. open.Select(e => new Enrolment(e.PersonId, e.Scheme)),
            .. viaHouseholds.Select(e => new Enrolment(e.PersonId, e.Scheme, e.From, e.To)),
        ];
    }

    private static async Task<List<SharingRight>> DeriveAsync(
        CaseDbContext db, List<Enrolment> enrolments, IReadOnlyCollection<SharingAgreement> agreements, SharedFacts facts, CancellationToken cancellationToken)
    {
        if (enrolments.Count == 0)
        {
            return [];
        }

        List<Consent> consents = [];
        if (agreements.Any(a => a.ConsentRequired))
        {
            var people = enrolments.Select(e => e.PersonId).Distinct().ToList();
            consents = await db.Consents.AsNoTracking()
                .Where(c => people.Contains(c.PersonId) && c.Status == ConsentStatus.Given)
                .ToListAsync(cancellationToken);
        }

        return SharingRight.Derive(enrolments, agreements, consents, facts.AgencySchemes).ToList();
    }

    /// <summary>A change to an owned row (an agreement's party, a consent's recipient, an agency's scheme) is a change to its owner.</summary>
    private static void CollectOwned(ChangeTracker tracker, EntityEntry entry, SharingRightScope scope)
    {
        if (entry.Metadata.FindOwnership() is not { } ownership)
        {
            return;
        }

        var foreignKey = entry.Property(ownership.Properties[0].Name);
        var ownerKey = entry.State == EntityState.Deleted ? foreignKey.OriginalValue : foreignKey.CurrentValue;
        var ownerType = ownership.PrincipalEntityType.ClrType;
        if (ownerType == typeof(SharingAgreement) && ownerKey is SharingAgreementId agreementId)
        {
            scope.Agreements.Add(agreementId);
        }
        else if (ownerType == typeof(Consent) && ownerKey is ConsentId consentId)
        {
            var owner = tracker.Entries<Consent>().FirstOrDefault(c => c.Entity.Id == consentId);
            if (owner is not null)
            {
                scope.People.Add(owner.Entity.PersonId);
            }
            else
            {
                // A consent's parts change only with the consent, which is tracked; if not, be safe rather than quick.
                scope.Everything = true;
            }
        }
        else if (ownerType == typeof(Agency) && ownerKey is AgencyCode agency)
        {
            // A scheme joined or left: classified with its agency (ClassifyChanges).
            scope.Agencies.Add(agency);
        }
        else if (ownerType == typeof(Agency))
        {
            scope.Everything = true;
        }
        else if (ownerType == typeof(Household) && ownerKey is HouseholdId householdId)
        {
            // A membership added, moved or ended: its person's enrolments through the household's cases change.
            scope.Households.Add(householdId);
            if (entry.Entity is HouseholdMember member)
            {
                scope.People.Add(member.PersonId);
            }
        }
    }

    /// <summary>The small tables every derivation reads: all agreements (and their parties) and every agency's schemes.</summary>
    private sealed record SharedFacts(List<SharingAgreement> Agreements, IReadOnlyDictionary<AgencyCode, IReadOnlySet<Scheme>> AgencySchemes)
    {
        public IReadOnlyDictionary<SharingAgreementId, IReadOnlySet<AgencyCode>> Parties { get; } =
            Agreements.ToDictionary(a => a.Id, a => (IReadOnlySet<AgencyCode>)a.Agencies.Select(p => p.Agency).ToHashSet());

        public static async Task<SharedFacts> LoadAsync(CaseDbContext db, CancellationToken cancellationToken)
        {
            var agreements = await db.SharingAgreements.AsNoTracking().ToListAsync(cancellationToken);
            var agencies = await db.Agencies.AsNoTracking().ToListAsync(cancellationToken);
            return new SharedFacts(
                agreements,
                agencies.ToDictionary(a => a.Code, a => (IReadOnlySet<Scheme>)a.Schemes.Select(s => s.Scheme).ToHashSet()));
        }
    }
}

/// <summary>The people and agreements whose rights a save must rebuild; or all of them.</summary>
internal sealed class SharingRightScope
{
    public SharingRightScope()
    {
    }

    public SharingRightScope(IEnumerable<PersonId> people) => People.UnionWith(people);
    public HashSet<PersonId> People { get; } = [];

    public HashSet<SharingAgreementId> Agreements { get; } = [];

    /// <summary>Households whose family cases or memberships changed (DOMAIN.md IS7b): all their members are touched.</summary>
    public HashSet<HouseholdId> Households { get; } = [];

    /// <summary>Agencies added, removed or whose schemes changed.</summary>
    public HashSet<AgencyCode> Agencies { get; } = [];

    /// <summary>What each touched agreement's change does (filled in by <see cref="SharingRightMaintenance.Collect"/>).</summary>
    public Dictionary<SharingAgreementId, AgreementChange> AgreementChanges { get; } = [];

    public Dictionary<AgencyCode, AgencyChange> AgencyChanges { get; } = [];

    public bool Everything { get; set; }

    public bool IsEmpty => !Everything && People.Count == 0 && Agreements.Count == 0 && Households.Count == 0 && Agencies.Count == 0;
}

/// <summary>An agreement's change: what it does, every agency that is or was a party, and what changed in words.</summary>
internal sealed record AgreementChange(SharingChangeEffect Effect, IReadOnlySet<AgencyCode> Parties, string What);

internal sealed record AgencyChange(SharingChangeEffect Effect, string What);

