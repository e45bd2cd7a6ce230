using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Security;
using CaseManager.Application.Sharing.DeriveSharingRights;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Families;
using CaseManager.Domain.Households;
using CaseManager.Domain.Interventions;
using CaseManager.Domain.Treatment;
using CaseManager.Domain.Offending;
using CaseManager.Domain.Outcomes;
using CaseManager.Domain.People;
using CaseManager.Domain.Sharing;
using CaseManager.Infrastructure.Persistence;
using CaseManager.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManager.Application.IntegrationTests.AccessModel;

/// <summary>
/// Replaces the partnership's sharing data with a generated world, built through the domain's own factories. Only
/// states the domain cannot reach yet are set on the entity before saving: a case's <see cref="CaseStatus.ExitNominated"/>
/// status and a case's data category other than its scheme's (see <see cref="WorldCase"/>); and people get the
/// stable ids of <see cref="WorldPerson.Id"/>.
/// </summary>
public static class WorldDatabase
{
    private static readonly string ResetSql =
        $"""
        DELETE FROM SharingRights;
        DELETE FROM SharingRightDerivations;
        DELETE FROM BreakGlassGrants;
        DELETE FROM Reviews;
        DELETE FROM ConsentRecipients;
        DELETE FROM ConsentCategories;
        DELETE FROM Consents;
        DELETE FROM Interventions;
        DELETE FROM AsbRecords;
        DELETE FROM EducationRecords;
        DELETE FROM EmploymentRecords;
        DELETE FROM LocalCriterionRecords;
        DELETE FROM FamilyAssessmentNeeds;
        DELETE FROM FamilyAssessments;
        DELETE FROM FamilyPlanActions;
        DELETE FROM TreatmentInterventions;
        DELETE FROM TopRecords;
        DELETE FROM TreatmentEpisodes;
        DELETE FROM Offences;
        DELETE FROM Notifications;
        DELETE FROM NotificationDigests;
        DELETE FROM ExitNominations;
        DELETE FROM Cases;
        DELETE FROM HouseholdMembers;
        DELETE FROM Households;
        DELETE FROM SharingAgreementAgencies;
        DELETE FROM SharingAgreementCategories;
        DELETE FROM SharingAgreementPurposes;
        DELETE FROM SharingAgreements;
        DELETE FROM People;
        DELETE FROM AuditEntries;
        DELETE FROM AgencySchemes WHERE AgencyCode IN ({ModelAgencies});
        DELETE FROM Agencies WHERE Code IN ({ModelAgencies});
        """;

    private static string ModelAgencies => string.Join(", ", WorldGenerator.AgencyCodes.Select(c => $"'{c}'"));

    private static readonly Guid Recorder = new("00000000-0000-0000-0000-00000000abcd");

    public static async Task<StoredWorld> WriteAsync(CaseManagerFactory factory, World world)
    {
        factory.Clock.AdjustTime(world.Now);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.Database.ExecuteSqlRawAsync(ResetSql);

        var now = world.Now;
        var utcToday = DateOnly.FromDateTime(now.UtcDateTime);
        var stored = new StoredWorld();
        db.Agencies.AddRange(world.Agencies.Select(a => Agency.Register(AgencyCode.Parse(a.Code), $"Model agency {a.Code}", a.Schemes, now)));

        var people = world.People.Select(p => Person.Register(
            new PersonDetails(p.Label, "Model", new DateOnly(1990, 1, 1)), Code(world, p.Owner), Recorder, now)).ToList();
        foreach (var (person, spec) in people.Zip(world.People))
        {
            db.Entry(person).Property(p => p.Id).CurrentValue = new PersonId(spec.Id);
            db.People.Add(person);
            stored.Add(spec.Label, person.Id.Value);
        }

        List<Case> enrolments = [];
        foreach (var spec in world.Cases)
        {
            var enrolment = Case.Open(people[spec.Person].Id, spec.Scheme, Code(world, spec.Owner), utcToday.AddDays(-30), null, now, world.Today);
            db.Cases.Add(enrolment);
            if (spec.Status == CaseStatus.Exited)
            {
                db.Entry(enrolment).Property(c => c.ExitedOn).CurrentValue = utcToday;
            }

            // Logged while the case is still open; the domain gives its category from its kind and the case's scheme.
            var type = World.InterventionTypeOf(spec);
            var work = Intervention.Log(enrolment, new InterventionDetails(type, now.AddMinutes(-1), 30, null, null,
                    type == InterventionType.DrugTest ? DrugTestResult.Negative : null, null),
                world.Today, Code(world, world.InterventionOwner(spec)), Recorder, now);
            db.Interventions.Add(work);
            stored.Add(World.InterventionLabel(spec), work.Id.Value);

            // Treatment records are made on a treatment case of the same person (the domain allows no other), then
            // moved onto this case with the owner the world says: the rule reads only person, owner and category.
            var treatmentCase = Case.Open(people[spec.Person].Id, Scheme.AdultTreatment, Code(world, spec.Owner), utcToday.AddDays(-30), null, now, world.Today);
            var given = TreatmentIntervention.Start(treatmentCase, TreatmentInterventionType.Psychosocial, null, null, utcToday.AddDays(-30), null, Recorder, world.Today, now);
            db.TreatmentInterventions.Add(given);
            db.Entry(given).Property(i => i.CaseId).CurrentValue = enrolment.Id;
            db.Entry(given).Property(i => i.OwnerAgency).CurrentValue = Code(world, world.InterventionOwner(spec));
            stored.Add(World.TreatmentInterventionLabel(spec), given.Id.Value);
            var top = TopRecord.Complete(treatmentCase, TopStage.Start, utcToday.AddDays(-30), new TopAnswers { OpiateDays = 10 }, [], Recorder, world.Today, now);
            db.TopRecords.Add(top);
            db.Entry(top).Property(t => t.CaseId).CurrentValue = enrolment.Id;
            stored.Add(World.TopLabel(spec), top.Id.Value);
            var episode = TreatmentEpisode.Open(treatmentCase, new TreatmentDetails(utcToday.AddDays(-40), "GP", null, TreatmentSubstance.Heroin, null, null, InjectingStatus.Never),
                world.Today, now);
            typeof(TreatmentEpisode).GetProperty(nameof(TreatmentEpisode.CaseId))!.SetValue(episode, enrolment.Id);
            db.TreatmentEpisodes.Add(episode);
            stored.Add(World.TreatmentEpisodeLabel(spec), enrolment.Id.Value);

            if (spec.Status != CaseStatus.Exited)
            {
                db.Entry(enrolment).Property(c => c.Status).CurrentValue = spec.Status;
            }

            db.Entry(enrolment).Property(c => c.DataCategory).CurrentValue = spec.Category;
            stored.Add(spec.Label, enrolment.Id.Value);
            enrolments.Add(enrolment);
        }

        foreach (var spec in world.People)
        {
            var offence = Offence.Record(people[spec.Index].Id, "Theft", world.Today.AddDays(-3), null, null, Code(world, world.OffenceOwner(spec)), Recorder, now, world.Today);
            db.Offences.Add(offence);
            stored.Add(World.OffenceLabel(spec), offence.Id.Value);
            var person = people[spec.Index].Id;
            var asb = AsbRecord.Record(person, AsbKind.Injunction, world.Today.AddDays(-5), null, Code(world, world.AsbOwner(spec)), Recorder, now, world.Today);
            db.AsbRecords.Add(asb);
            stored.Add(World.AsbLabel(spec), asb.Id.Value);
            var education = EducationRecord.Record(person, EducationKind.FixedTermExclusion, world.Today.AddDays(-4), null, 2, null, null,
                Code(world, world.OffenceOwner(spec)), Recorder, now, world.Today);
            db.EducationRecords.Add(education);
            stored.Add(World.EducationLabel(spec), education.Id.Value);
            var employment = EmploymentRecord.Record(person, EmploymentKind.OutOfWorkBenefit, BenefitType.Jsa, world.Today.AddDays(-60), null, null,
                Code(world, spec.Owner), Recorder, now, world.Today);
            db.EmploymentRecords.Add(employment);
            stored.Add(World.EmploymentLabel(spec), employment.Id.Value);
        }

        // Households with every membership open at first: ended ones are ended in the last stage, so that an ended
        // membership is kept up as a change, not only written once (DOMAIN.md IS7b).
        List<(Household Household, WorldHousehold Spec)> households = [];
        foreach (var spec in world.Households)
        {
            var household = Household.Record(spec.Label, null, Code(world, spec.Owner), Recorder, now);
            foreach (var membership in spec.Memberships)
            {
                household.AddMember(people[membership.Person].Id, new DateOnly(1950, 1, 1), Relationship.OtherAdult, membership.From, null);
            }

            db.Households.Add(household);
            households.Add((household, spec));
            stored.Add(spec.Label, household.Id.Value);
        }

        // Written in stages, each saved on its own, so that sharing rights are kept up by every kind of change (a
        // new agreement before and after consents, new consents, withdrawals, an agreement ended, a case exited),
        // not only worked out once for a whole new world.
        await db.SaveChangesAsync();
        List<(SharingAgreement Agreement, WorldAgreement Spec)> agreements = [];
        foreach (var spec in world.Agreements)
        {
            var agreement = SharingAgreement.Create(
                new SharingAgreementTerms(
                    spec.Label,
                    [.. spec.Agencies.Select(a => Code(world, a))],
                    spec.Categories,
                    spec.Purposes,
                    LawfulBasis.PublicTask,
                    spec.ConsentRequired ? null : "DPA 2018 Schedule 1 paragraph 18 (safeguarding)",
                    "Crime and Disorder Act 1998 s115",
                    spec.ConsentRequired,
                    spec.ValidFrom,
                    spec.ValidTo),
                Recorder,
                now);
            agreements.Add((agreement, spec));
            stored.Add(spec.Label, agreement.Id.Value);
        }

        db.SharingAgreements.AddRange(agreements.Where((_, i) => i % 2 == 0).Select(a => a.Agreement));
        await db.SaveChangesAsync();

        List<(Consent Consent, WorldConsent Spec)> consents = [];
        foreach (var spec in world.Consents)
        {
            var consent = Consent.Record(
                new ConsentDecision(
                    people[spec.Person].Id,
                    spec.Purpose,
                    [.. spec.Recipients.Select(a => Code(world, a))],
                    spec.Categories,
                    spec.Status == ConsentStatus.Refused ? ConsentStatus.Refused : ConsentStatus.Given,
                    ConsentGivenBy.Self,
                    spec.RecordedOn,
                    spec.ReviewOn,
                    null),
                Code(world, spec.Owner),
                Recorder,
                spec.ReviewOn,
                world.Today);
            db.Consents.Add(consent);
            consents.Add((consent, spec));
            stored.Add(spec.Label, consent.Id.Value);
        }

        await db.SaveChangesAsync();
        List<(Case Case, WorldFamilyCase Spec)> familyCases = [];
        foreach (var spec in world.FamilyCases)
        {
            var familyCase = Case.OpenForHousehold(households[spec.Household].Household.Id, spec.Scheme, Code(world, spec.Owner), utcToday.AddDays(-30), null, null, now, world.Today);
            db.Cases.Add(familyCase);
            db.Entry(familyCase).Property(c => c.DataCategory).CurrentValue = spec.Category;
            familyCases.Add((familyCase, spec));
            stored.Add(spec.Label, familyCase.Id.Value);

            // Local criteria (TF1 (d)) are recorded while the case is open; their category is the world's.
            var household = households[spec.Household].Household;
            var aboutFamily = LocalCriterionRecord.Record(familyCase, household, "ChildProtectionPlan", World.CriterionCategory(spec), null,
                world.Today, "Model test", Code(world, world.CriterionOwner(spec)), Recorder, now, world.Today);
            db.LocalCriterionRecords.Add(aboutFamily);
            stored.Add(World.FamilyCriterionLabel(spec), aboutFamily.Id.Value);
            if (world.CriterionMembership(spec) is { } membership)
            {
                var aboutMember = LocalCriterionRecord.Record(familyCase, household, "ChildProtectionPlan", World.CriterionCategory(spec),
                    people[membership.Person].Id, membership.From, "Model test", Code(world, spec.Owner), Recorder, now, world.Today);
                db.LocalCriterionRecords.Add(aboutMember);
                stored.Add(World.MemberCriterionLabel(spec), aboutMember.Id.Value);
            }

            // The whole-family assessment and the plan (FAM1), recorded by another agency while the case is open.
            var member = world.CriterionMembership(spec) is { } m ? people[m.Person].Id : (PersonId?)null;
            var assessor = Code(world, world.CriterionOwner(spec));
            List<AssessedNeed> needs = [new(World.FamilyNeedArea(spec), null, "Model test")];
            if (member is { } who)
            {
                needs.Add(new(World.MemberNeedArea(spec), who, "Model test"));
            }

            var assessment = FamilyAssessment.Record(familyCase, household, world.Today, "Model test", null, needs, assessor, Recorder, now, world.Today);
            db.FamilyAssessments.Add(assessment);
            stored.Add(World.FamilyNeedLabel(spec), assessment.Needs.Single(n => n.PersonId is null).Id);
            if (member is not null)
            {
                stored.Add(World.MemberNeedLabel(spec), assessment.Needs.Single(n => n.PersonId is not null).Id);
            }

            var forFamily = FamilyPlanAction.Add(familyCase, household, "Model test", null, null, assessor, null, world.Today, assessor, Recorder, now);
            db.FamilyPlanActions.Add(forFamily);
            stored.Add(World.FamilyActionLabel(spec), forFamily.Id.Value);
            if (member is not null)
            {
                var forMember = FamilyPlanAction.Add(familyCase, household, "Model test", null, member, Code(world, spec.Owner), null, world.Today, assessor, Recorder, now);
                db.FamilyPlanActions.Add(forMember);
                stored.Add(World.MemberActionLabel(spec), forMember.Id.Value);
            }
        }

        await db.SaveChangesAsync();
        db.SharingAgreements.AddRange(agreements.Where((_, i) => i % 2 == 1).Select(a => a.Agreement));
        await db.SaveChangesAsync();

        foreach (var (consent, _) in consents.Where(c => c.Spec.Status == ConsentStatus.Withdrawn))
        {
            consent.Withdraw("Changed their mind", Recorder, now);
        }

        foreach (var (agreement, _) in agreements.Where(a => a.Spec.Ended))
        {
            agreement.End("Ended by the model test", now, world.Today);
        }

        foreach (var (enrolment, _) in enrolments.Zip(world.Cases).Where(c => c.Second.Status == CaseStatus.Exited))
        {
            db.Entry(enrolment).Property(c => c.Status).CurrentValue = CaseStatus.Exited;
        }

        foreach (var (familyCase, _) in familyCases.Where(f => f.Spec.Status == CaseStatus.Exited))
        {
            db.Entry(familyCase).Property(c => c.ExitedOn).CurrentValue = utcToday;
            db.Entry(familyCase).Property(c => c.Status).CurrentValue = CaseStatus.Exited;
        }

        foreach (var (household, spec) in households)
        {
            foreach (var (member, membership) in household.Members.Zip(spec.Memberships).Where(m => m.Second.To is not null))
            {
                household.EndMember(member.Id, membership.To!.Value);
            }
        }

        await db.SaveChangesAsync();

        foreach (var spec in world.Grants)
        {
            var user = world.Users[spec.User];
            var duration = TimeSpan.FromHours(24);
            var grant = BreakGlassGrant.Grant(
                people[spec.Person].Id, user.Id, Code(world, user.Agency), "Model test: risk to life, access needed now",
                RiskCategory.RiskToLife, duration, spec.ExpiresAt - duration);
            db.BreakGlassGrants.Add(grant);
            stored.Add(spec.Label, grant.Id.Value);
        }

        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return stored;
    }

    /// <summary>
    /// Runs the background derivations the world's writes recorded (ADR 0026), as the job does: batch after batch of
    /// <see cref="PeoplePerBatch"/> people, each its own command and transaction, until none is unfinished. Returns a
    /// problem if they did not finish or left one unfinished.
    /// </summary>
    public static async Task<List<string>> RunDerivationsAsync(CaseManagerFactory factory)
    {
        for (var batches = 0; batches < 1000; batches++)
        {
            var batch = await factory.SendAsAsync<SharingRightDerivationBatch>(Actor.System, new DeriveSharingRightsCommand(PeoplePerBatch));
            if (batch.DerivationId is null)
            {
                return [];
            }
        }

        return ["the background derivations did not finish in 1,000 batches"];
    }

    /// <summary>Small, so that a world's derivation takes several batches and carries on from a cursor.</summary>
    private const int PeoplePerBatch = 3;

    /// <summary>
    /// The sharing rights kept up save by save, against the same rights worked out again from scratch: any row one
    /// has and the other has not, each printed as a sentence.
    /// </summary>
    public static async Task<List<string>> SharingRightsKeptUpDifferencesAsync(CaseManagerFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseDbContext>();
        var keptUp = await DerivedRowsAsync(db);
        await db.RebuildSharingRightsAsync(CancellationToken.None);
        var rebuilt = await DerivedRowsAsync(db);
        return
        [
            .. keptUp.Except(rebuilt).Select(r => $"kept up but not derived: {r}"),
            .. rebuilt.Except(keptUp).Select(r => $"derived but not kept up: {r}"),
        ];

        // Both derived tables: the rights, and the case readers made from them (ADR 0016).
        static async Task<List<string>> DerivedRowsAsync(CaseDbContext db) =>
        [
            .. (await db.SharingRights.AsNoTracking().ToListAsync()).Select(r => r.ToString())
                .Concat((await db.CaseReaders.AsNoTracking().ToListAsync()).Select(r => r.ToString()))
                .Order(StringComparer.Ordinal),
        ];
    }

    private static AgencyCode Code(World world, int agency) => AgencyCode.Parse(world.AgencyCode(agency));
}

/// <summary>The database ids of a stored world's records, agreements, consents and grants, and back to their labels.</summary>
public sealed class StoredWorld
{
    private readonly Dictionary<string, Guid> _ids = [];
    private readonly Dictionary<Guid, string> _labels = [];

    public void Add(string label, Guid id)
    {
        _ids.Add(label, id);

        // A treatment episode is keyed by its case: the id names the case.
        _labels.TryAdd(id, label);
    }

    public Guid IdOf(string label) => _ids[label];

    public string LabelOf(Guid? id) => id is { } value ? _labels.GetValueOrDefault(value, $"unknown {value}") : "none";
}
