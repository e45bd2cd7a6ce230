using CaseManager.Application.TroubledFamilies;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Households;
using CaseManager.Domain.Outcomes;
using CaseManager.Domain.People;
using CaseManager.Domain.TroubledFamilies;
using CaseManager.Infrastructure.Persistence;
using CaseManager.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CaseManager.Application.IntegrationTests.AccessModel;

/// <summary>
/// The reference for Troubled Families eligibility (DOMAIN.md TF1, TF4, IS7b): every outcome record of a stored world,
/// read once without the access rule, then for one reader kept only where <see cref="AccessReference"/> lets them read
/// it and its person is a member they may see. The engines run over these facts must give exactly what
/// GetHouseholdEligibilityQuery gives: a hidden member, record or count that changed anything would show.
/// </summary>
public sealed class WorldEligibility
{
    private readonly World _world;
    private readonly StoredWorld _stored;
    private readonly Dictionary<PersonId, DateOnly> _born;
    private readonly List<(string Label, ProvenOffence Fact)> _offences;
    private readonly List<(string Label, AsbFact Fact)> _asb;
    private readonly List<(string Label, EducationFact Fact, DateOnly Day)> _education;
    private readonly List<(string Label, EmploymentFact Fact)> _employment;
    private readonly List<(string Label, HouseholdId Household, LocalCriterionFact Fact)> _local;
    private readonly List<(string Label, TreatmentFact Fact)> _treatment;
    private readonly Dictionary<Guid, DateOnly> _caseStarts;

    private WorldEligibility(
        World world,
        StoredWorld stored,
        Dictionary<PersonId, DateOnly> born,
        List<(string, ProvenOffence)> offences,
        List<(string, AsbFact)> asb,
        List<(string, EducationFact, DateOnly)> education,
        List<(string, EmploymentFact)> employment,
        List<(string, HouseholdId, LocalCriterionFact)> local,
        List<(string, TreatmentFact)> treatment,
        Dictionary<Guid, DateOnly> caseStarts,
        EligibilityOptions options)
    {
        _world = world;
        _stored = stored;
        _born = born;
        _offences = offences;
        _asb = asb;
        _education = education;
        _employment = employment;
        _local = local;
        _treatment = treatment;
        _caseStarts = caseStarts;
        Options = options;
    }

    public StoredWorld Stored => _stored;

    public EligibilityOptions Options { get; }

    /// <summary>Reads every outcome record of the stored world, with no access rule, once per world.</summary>
    public static async Task<WorldEligibility> LoadAsync(CaseManagerFactory factory, World world, StoredWorld stored)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseDbContext>();
        var problems = scope.ServiceProvider.GetRequiredService<IOptions<TroubledFamiliesOptions>>().Value;
        var born = await db.People.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.DateOfBirth);
        var offences = (await db.Offences.AsNoTracking().Where(o => o.ConvictedOn != null).ToListAsync())
            .Select(o => (stored.LabelOf(o.Id.Value), new ProvenOffence(o.Id.Value, o.PersonId, o.CommittedOn, o.ConvictedOn!.Value))).ToList();
        var asb = (await db.AsbRecords.AsNoTracking().ToListAsync())
            .Select(r => (stored.LabelOf(r.Id.Value), new AsbFact(r.Id.Value, r.PersonId, r.Kind, r.OccurredOn))).ToList();
        var education = (await db.EducationRecords.AsNoTracking().ToListAsync())
            .Select(r => (stored.LabelOf(r.Id.Value), new EducationFact(r.Id.Value, r.PersonId, r.Kind, r.On,
                r.Term is { } term ? SchoolTerm.Parse(term) : SchoolTerm.Of(r.On!.Value), r.SessionsPossible, r.UnauthorisedAbsenceSessions), r.Day)).ToList();
        var employment = (await db.EmploymentRecords.AsNoTracking().ToListAsync())
            .Select(r => (stored.LabelOf(r.Id.Value), new EmploymentFact(r.Id.Value, r.PersonId, r.Kind, r.Benefit, r.From, r.To))).ToList();
        var local = (await db.LocalCriterionRecords.AsNoTracking().ToListAsync())
            .Select(r => (stored.LabelOf(r.Id.Value), r.HouseholdId, new LocalCriterionFact(r.Id.Value, r.PersonId, r.Criterion, problems.ProblemOf(r.Criterion), r.On))).ToList();
        var treatment = (await db.TreatmentEpisodes.AsNoTracking().ToListAsync())
            .Select(e => (stored.LabelOf(e.CaseId.Value), new TreatmentFact(e.CaseId.Value, e.PersonId, e.StartDate, e.DischargedOn))).ToList();
        var caseStarts = await db.Cases.AsNoTracking().Where(c => c.HouseholdId != null).ToDictionaryAsync(c => c.Id.Value, c => c.StartDate);
        var options = scope.ServiceProvider.GetRequiredService<IOptions<EligibilityOptions>>().Value;
        return new WorldEligibility(world, stored, born, offences, asb, education, employment, local, treatment, caseStarts, options);
    }

    /// <summary>
    /// The family's facts as the reader may see them, as at a day: the memberships of the members whose person
    /// record they may read, those members' records they may read dated no later than the day, and the household's
    /// local criteria they may read (about the family, or about such a member). <paramref name="caseId"/> is the
    /// open Troubled Families case the answer names, if any.
    /// </summary>
    public FamilyFacts For(int household, IReadOnlyDictionary<string, Verdict> verdicts, DateOnly asOf, Guid? caseId)
    {
        var householdId = new HouseholdId(_stored.IdOf(_world.Households[household].Label));
        var members = _world.Households[household].Memberships
            .Where(m => verdicts[_world.People[m.Person].Label].Reads)
            .GroupBy(m => new PersonId(_stored.IdOf(_world.People[m.Person].Label)))
            .Select(g => new FamilyMember(g.Key, _born[g.Key], [.. g.Select(m => new MembershipPeriod(m.From, m.To))]))
            .ToList();
        var seen = members.Select(m => m.PersonId).ToHashSet();
        bool Reads(string label, PersonId? person) => verdicts[label].Reads && (person is not { } p || seen.Contains(p));

        return new FamilyFacts(
            householdId,
            caseId is { } id ? new CaseId(id) : null,
            caseId is { } started ? _caseStarts[started] : null,
            members,
            [.. _offences.Where(o => Reads(o.Label, o.Fact.PersonId) && o.Fact.CommittedOn <= asOf).Select(o => o.Fact)],
            [.. _asb.Where(r => Reads(r.Label, r.Fact.PersonId) && r.Fact.OccurredOn <= asOf).Select(r => r.Fact)],
            [.. _education.Where(r => Reads(r.Label, r.Fact.PersonId) && r.Day <= asOf).Select(r => r.Fact)],
            [.. _employment.Where(r => Reads(r.Label, r.Fact.PersonId) && r.Fact.From <= asOf).Select(r => r.Fact)],
            [.. _local.Where(r => r.Household == householdId && Reads(r.Label, r.Fact.PersonId) && r.Fact.On <= asOf).Select(r => r.Fact)],
            [.. _treatment.Where(t => Reads(t.Label, t.Fact.PersonId) && t.Fact.Start <= asOf).Select(t => t.Fact)]);
    }
}
