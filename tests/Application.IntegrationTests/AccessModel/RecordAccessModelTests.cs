using CaseManager.Application.Cases;
using CaseManager.Application.Cases.ListCases;
using CaseManager.Application.Common;
using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Paging;
using CaseManager.Application.Common.Persistence;
using CaseManager.Application.Families;
using CaseManager.Application.Families.GetPlan;
using CaseManager.Application.Families.ListAssessments;
using CaseManager.Application.Households;
using CaseManager.Application.Households.GetHousehold;
using CaseManager.Application.Households.GetHouseholdTimeline;
using CaseManager.Application.Households.ListHouseholds;
using CaseManager.Application.Common.Security;
using CaseManager.Application.People;
using CaseManager.Application.People.GetPerson;
using CaseManager.Application.People.GetTimeline;
using CaseManager.Application.People.SearchPeople;
using CaseManager.Application.Cases.GetCase;
using CaseManager.Application.Reports.TreatmentExport;
using CaseManager.Application.Reports.TreatmentReport;
using CaseManager.Application.Treatment;
using CaseManager.Application.Treatment.ListTops;
using CaseManager.Application.Treatment.ListTreatmentInterventions;
using CaseManager.Application.TroubledFamilies;
using CaseManager.Application.TroubledFamilies.GetHouseholdEligibility;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Households;
using CaseManager.Domain.Interventions;
using CaseManager.Domain.Treatment;
using CaseManager.Domain.Offending;
using CaseManager.Domain.Outcomes;
using CaseManager.Domain.People;
using CaseManager.Domain.Sharing;
using CaseManager.Domain.Users;
using CaseManager.Infrastructure.Identity;
using CaseManager.TestSupport;
using CsCheck;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace CaseManager.Application.IntegrationTests.AccessModel;

/// <summary>
/// The model-based test of the IS7 access rule. CsCheck generates whole partnerships (<see cref="WorldGenerator"/>);
/// each is written to one shared database, and for every generated user every read path is compared, record by
/// record, with <see cref="AccessReference"/>. A decision is one (world, user, record) triple; the test asserts it
/// checked at least <see cref="MinimumDecisions"/> of them, and that every branch of the rule was reached.
/// </summary>
public sealed class RecordAccessModelTests(RecordAccessModelTests.QuietFactory factory, ITestOutputHelper output)
    : IClassFixture<RecordAccessModelTests.QuietFactory>
{
    private const int MinimumDecisions = 10_000;
    private const int MinimumPerReason = 100;

    /// <summary>A consent hidden from a reader an agreement covers needs an unnamed reader: rarer, so a lower floor.</summary>
    private const int MinimumConsentNotNamingReader = 40;

    private static readonly int Worlds =
        int.TryParse(Environment.GetEnvironmentVariable("CASEMANAGER_MODEL_WORLDS"), out var worlds) && worlds > 0 ? worlds : 400;

    [Fact]
    public async Task EveryReadPath_OnGeneratedPartnerships_AgreesWithTheReferenceRule()
    {
        var tally = new Tally();

        await SampleWorldsAsync(tally);

        output.WriteLine(tally.Summary());
        tally.Worlds.Should().BeGreaterThanOrEqualTo(Worlds);
        tally.InterimWorlds.Should().BeGreaterThan(Worlds / 4, "the state before the derivations must be checked in many worlds");
        tally.Decisions.Should().BeGreaterThanOrEqualTo(MinimumDecisions);
        foreach (var reason in Enum.GetValues<Reason>())
        {
            var minimum = reason == Reason.RefusedConsentNotNamingReader ? MinimumConsentNotNamingReader : MinimumPerReason;
            tally.Count(reason).Should().BeGreaterThanOrEqualTo(minimum, "every branch of the rule must be exercised ({0})", reason);
        }
    }

    [Fact]
    public async Task ExplainAsync_WhenAConsentForAnotherPurposeOfTheAgreementAlsoMatches_NamesTheConsentThatAllowsTheRead()
    {
        var today = DateOnly.FromDateTime(CaseManagerFactory.StartOfTests.UtcDateTime);
        var world = new World(
            CaseManagerFactory.StartOfTests,
            Agencies: [new("MA", []), new("MB", [Scheme.TroubledFamilies])],
            Users: [new(0, 1, [Role.Caseworker])],
            People: [new(0, 0)],
            Cases: [new(0, 0, Scheme.TroubledFamilies, 0, CaseStatus.Active, DataCategory.ChildrenSafeguarding, false)],
            Agreements: [new(0, [0, 1], [DataCategory.Identity], [Scheme.AdultTreatment, Scheme.TroubledFamilies], true, today.AddDays(-1), null, false)],
            Consents:
            [
                new(0, 0, 0, Scheme.AdultTreatment, [1], [DataCategory.Identity], ConsentStatus.Given, today.AddDays(-1), today.AddDays(365)),
                new(1, 0, 0, Scheme.TroubledFamilies, [1], [DataCategory.Identity], ConsentStatus.Given, today.AddDays(-1), today.AddDays(365)),
            ],
            Grants: []);

        var differences = await DifferencesAsync(world, tally: null);

        differences.Should().BeEmpty("the rule and every read path must agree in this world:{0}{1}{0}{2}", Environment.NewLine, world.Describe(), Report(differences));
    }

    /// <summary>
    /// Runs the generated worlds. On a failure CsCheck shrinks with the iterations it has left; the smallest failing
    /// world it saw is then minimised (<see cref="WorldMinimiser"/>) and reported with CsCheck's seed.
    /// </summary>
    private async Task SampleWorldsAsync(Tally tally)
    {
        World? smallest = null;
        try
        {
            await WorldGenerator.World.SampleAsync(
                async world =>
                {
                    var differences = await DifferencesAsync(world, tally);
                    if (differences.Count > 0)
                    {
                        smallest = smallest is null || world.Size < smallest.Size ? world : smallest;
                        throw new XunitException(Report(differences));
                    }
                },
                writeLine: output.WriteLine,
                iter: Worlds,
                threads: 1,
                print: world => Environment.NewLine + world.Describe());
        }
        catch (CsCheckException failure) when (smallest is not null)
        {
            var minimal = await WorldMinimiser.MinimiseAsync(smallest, async world => (await DifferencesAsync(world, tally: null)).Count > 0);
            throw new XunitException(
                $"{failure.Message}{Environment.NewLine}{Environment.NewLine}"
                + $"The same failure with everything it does not need taken away:{Environment.NewLine}{minimal.Describe()}{Environment.NewLine}"
                + Report(await DifferencesAsync(minimal, tally: null)));
        }
    }

    private static string Report(List<string> differences) =>
        $"{differences.Count} difference(s) from the reference rule:{Environment.NewLine}"
        + string.Join(Environment.NewLine, differences.Take(20).Select(d => "  " + d));

    /// <summary>
    /// Writes the world. Its agreements were created, and some ended, in the stages of the write; the rights they
    /// allow are worked out by background derivations (ADR 0026), which have not run yet. So first every read path of
    /// every user is compared with the reference rule as a subset: nothing shown that the rule refuses (in half the
    /// worlds, see below). Then the
    /// derivations run, a few people a batch, and every read path must equal the rule.
    /// </summary>
    private async Task<List<string>> DifferencesAsync(World world, Tally? tally)
    {
        var stored = await WorldDatabase.WriteAsync(factory, world);
        var records = world.Records.ToList();
        var differences = new List<string>();
        var users = world.Users
            .Select(user => (User: user,
                Actor: Actor.ForUser(user.Id, $"{user.Label.ToLowerInvariant()}@model.test", user.Label, AgencyCode.Parse(world.AgencyCode(user.Agency)), user.Roles),
                Verdicts: (IReadOnlyDictionary<string, Verdict>)records.ToDictionary(r => r.Label, r => AccessReference.Decide(world, user, r))))
            .ToList();
        // Half the sampled worlds (by size, so the same world always is), to keep the run time near what it was;
        // every world while a failure is minimised (no tally).
        if (tally is null || world.Size % 2 == 0)
        {
            foreach (var (user, actor, verdicts) in users)
            {
                var interim = new UserCheck(world, stored, user, records, verdicts, differences, interim: true);
                await CheckRecordAccessAsync(actor, interim);
                await CheckMediatorAsync(actor, interim);
            }

            if (tally is not null)
            {
                tally.InterimWorlds++;
            }
        }

        differences.AddRange(await WorldDatabase.RunDerivationsAsync(factory));
        foreach (var (user, actor, verdicts) in users)
        {
            var check = new UserCheck(world, stored, user, records, verdicts, differences, interim: false);
            await CheckRecordAccessAsync(actor, check);
            await CheckMediatorAsync(actor, check);
            tally?.Add(verdicts.Values);
        }

        // Last, so the reads above were made on the rights as the saves kept them up.
        differences.AddRange(await WorldDatabase.SharingRightsKeptUpDifferencesAsync(factory));
        if (tally is not null)
        {
            tally.Worlds++;
        }

        return differences;
    }

    private async Task CheckRecordAccessAsync(Actor actor, UserCheck check)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUserContext>().RunAs(actor);
        var access = scope.ServiceProvider.GetRequiredService<IRecordAccess>();
        var db = scope.ServiceProvider.GetRequiredService<IAppDbContext>();

        var people = await access.Readable(db.People.AsNoTracking()).Select(p => p.Id).ToListAsync();
        var cases = await access.Readable(db.Cases.AsNoTracking()).Select(c => c.Id).ToListAsync();
        var consents = await access.Readable(db.Consents.AsNoTracking()).Select(c => c.Id).ToListAsync();
        var interventions = await access.Readable(db.Interventions.AsNoTracking()).Select(i => i.Id).ToListAsync();
        var offences = await access.Readable(db.Offences.AsNoTracking()).Select(o => o.Id).ToListAsync();
        check.CompareSet("Readable(Interventions)", RecordKind.Intervention, interventions.Select(id => id.Value));
        check.CompareSet("Readable(Offences)", RecordKind.Offence, offences.Select(id => id.Value));
        check.CompareCount("Readable(Interventions).Count", RecordKind.Intervention, await access.Readable(db.Interventions).CountAsync());
        check.CompareCount("Readable(Offences).Count", RecordKind.Offence, await access.Readable(db.Offences).CountAsync());
        var treatmentWork = await access.Readable(db.TreatmentInterventions.AsNoTracking()).Select(i => i.Id).ToListAsync();
        var tops = await access.Readable(db.TopRecords.AsNoTracking()).Select(t => t.Id).ToListAsync();
        check.CompareSet("Readable(TreatmentInterventions)", RecordKind.TreatmentIntervention, treatmentWork.Select(id => id.Value));
        check.CompareSet("Readable(TopRecords)", RecordKind.Top, tops.Select(id => id.Value));
        check.CompareCount("Readable(TreatmentInterventions).Count", RecordKind.TreatmentIntervention, await access.Readable(db.TreatmentInterventions).CountAsync());
        check.CompareCount("Readable(TopRecords).Count", RecordKind.Top, await access.Readable(db.TopRecords).CountAsync());
        var episodes = await access.Readable(db.TreatmentEpisodes.AsNoTracking()).Select(e => e.CaseId).ToListAsync();
        check.CompareSet("Readable(TreatmentEpisodes)", RecordKind.TreatmentEpisode, episodes.Select(id => id.Value));
        check.CompareCount("Readable(TreatmentEpisodes).Count", RecordKind.TreatmentEpisode, await access.Readable(db.TreatmentEpisodes).CountAsync());
        var episodesSplit = await access.ReadableSplitByOwner(db.TreatmentEpisodes.AsNoTracking()).Select(e => e.CaseId).ToListAsync();
        check.CompareSet("ReadableSplitByOwner(TreatmentEpisodes)", RecordKind.TreatmentEpisode, episodesSplit.Select(id => id.Value));
        check.CompareCount("ReadableSplitByOwner(TreatmentEpisodes).Count", RecordKind.TreatmentEpisode, await access.ReadableSplitByOwner(db.TreatmentEpisodes).CountAsync());
        var asb = await access.Readable(db.AsbRecords.AsNoTracking()).Select(r => r.Id).ToListAsync();
        var education = await access.Readable(db.EducationRecords.AsNoTracking()).Select(r => r.Id).ToListAsync();
        var employment = await access.Readable(db.EmploymentRecords.AsNoTracking()).Select(r => r.Id).ToListAsync();
        var criteria = await access.Readable(db.LocalCriterionRecords.AsNoTracking()).Select(r => r.Id).ToListAsync();
        check.CompareSet("Readable(AsbRecords)", RecordKind.Asb, asb.Select(id => id.Value));
        check.CompareSet("Readable(EducationRecords)", RecordKind.Education, education.Select(id => id.Value));
        check.CompareSet("Readable(EmploymentRecords)", RecordKind.Employment, employment.Select(id => id.Value));
        check.CompareSet("Readable(LocalCriterionRecords)", RecordKind.LocalCriterion, criteria.Select(id => id.Value));
        check.CompareCount("Readable(AsbRecords).Count", RecordKind.Asb, await access.Readable(db.AsbRecords).CountAsync());
        check.CompareCount("Readable(LocalCriterionRecords).Count", RecordKind.LocalCriterion, await access.Readable(db.LocalCriterionRecords).CountAsync());
        var needs = await access.Readable(db.FamilyAssessmentNeeds.AsNoTracking()).Select(n => n.Id).ToListAsync();
        check.CompareSet("Readable(FamilyAssessmentNeeds)", RecordKind.AssessmentNeed, needs);
        check.CompareCount("Readable(FamilyAssessmentNeeds).Count", RecordKind.AssessmentNeed, await access.Readable(db.FamilyAssessmentNeeds).CountAsync());
        check.CompareSet("Readable(People)", RecordKind.Person, people.Select(id => id.Value));
        check.CompareSet("Readable(Cases)", RecordKind.Case, cases.Select(id => id.Value));
        check.CompareSet("Readable(Consents)", RecordKind.Consent, consents.Select(id => id.Value));

        check.CompareCount("Readable(People).Count", RecordKind.Person, await access.Readable(db.People).CountAsync());
        check.CompareCount("Readable(Cases).Count", RecordKind.Case, await access.Readable(db.Cases).CountAsync());
        check.CompareCount("Readable(Consents).Count", RecordKind.Consent, await access.Readable(db.Consents).CountAsync());

        // ExplainAsync explains any record of a person by branches 2 and 3; IS7a is for person records, explained in batch.
        foreach (var record in check.Records.Where(r => check.Verdicts[r.Label].Reads && r.Person >= 0 && check.Verdicts[r.Label].Reason != Reason.OpenCase))
        {
            var person = new PersonId(check.Stored.IdOf(check.World.People[record.Person].Label));
            var owner = AgencyCode.Parse(check.World.AgencyCode(record.Owner));
            check.CompareExplanation("ExplainAsync", record, await access.ExplainAsync(person, owner, record.Category, CancellationToken.None));
        }

        // The batch path, over every readable record of each kind at once.
        var explainedPeople = await access.ExplainManyAsync(access.Readable(db.People.AsNoTracking()), p => p.Id, CancellationToken.None);
        var explainedCases = await access.ExplainManyAsync(access.Readable(db.Cases.AsNoTracking()), c => c.Id, CancellationToken.None);
        var explainedConsents = await access.ExplainManyAsync(access.Readable(db.Consents.AsNoTracking()), c => c.Id, CancellationToken.None);
        var explainedWork = await access.ExplainManyAsync(access.Readable(db.Interventions.AsNoTracking()), i => i.Id, CancellationToken.None);
        var explainedOffences = await access.ExplainManyAsync(access.Readable(db.Offences.AsNoTracking()), o => o.Id, CancellationToken.None);
        var explainedTreatmentWork = await access.ExplainManyAsync(access.Readable(db.TreatmentInterventions.AsNoTracking()), i => i.Id, CancellationToken.None);
        var explainedTops = await access.ExplainManyAsync(access.Readable(db.TopRecords.AsNoTracking()), t => t.Id, CancellationToken.None);
        var explainedEpisodes = await access.ExplainManyAsync(access.Readable(db.TreatmentEpisodes.AsNoTracking()), e => e.CaseId, CancellationToken.None);
        var explainedAsb = await access.ExplainManyAsync(access.Readable(db.AsbRecords.AsNoTracking()), r => r.Id, CancellationToken.None);
        var explainedEducation = await access.ExplainManyAsync(access.Readable(db.EducationRecords.AsNoTracking()), r => r.Id, CancellationToken.None);
        var explainedEmployment = await access.ExplainManyAsync(access.Readable(db.EmploymentRecords.AsNoTracking()), r => r.Id, CancellationToken.None);
        var explainedCriteria = await access.ExplainManyAsync(access.Readable(db.LocalCriterionRecords.AsNoTracking()), r => r.Id, CancellationToken.None);
        var explainedNeeds = await access.ExplainManyAsync(access.Readable(db.FamilyAssessmentNeeds.AsNoTracking()), n => n.Id, CancellationToken.None);
        foreach (var record in check.Records.Where(r => check.Verdicts[r.Label].Reads && r.Kind != RecordKind.Household))
        {
            var id = check.Stored.IdOf(record.Label);
            var explanation = record.Kind switch
            {
                RecordKind.Person => explainedPeople.GetValueOrDefault(new PersonId(id)),
                RecordKind.Case or RecordKind.FamilyCase => explainedCases.GetValueOrDefault(new CaseId(id)),
                RecordKind.Intervention => explainedWork.GetValueOrDefault(new InterventionId(id)),
                RecordKind.Offence => explainedOffences.GetValueOrDefault(new OffenceId(id)),
                RecordKind.TreatmentIntervention => explainedTreatmentWork.GetValueOrDefault(new TreatmentInterventionId(id)),
                RecordKind.Top => explainedTops.GetValueOrDefault(new TopRecordId(id)),
                RecordKind.TreatmentEpisode => explainedEpisodes.GetValueOrDefault(new CaseId(id)),
                RecordKind.Asb => explainedAsb.GetValueOrDefault(new AsbRecordId(id)),
                RecordKind.Education => explainedEducation.GetValueOrDefault(new EducationRecordId(id)),
                RecordKind.Employment => explainedEmployment.GetValueOrDefault(new EmploymentRecordId(id)),
                RecordKind.LocalCriterion => explainedCriteria.GetValueOrDefault(new LocalCriterionRecordId(id)),
                RecordKind.AssessmentNeed => explainedNeeds.GetValueOrDefault(id),
                _ => explainedConsents.GetValueOrDefault(new ConsentId(id)),
            };
            check.CompareExplanation("ExplainManyAsync", record, explanation);
        }

        check.AtMost(
            explainedPeople.Count + explainedCases.Count + explainedConsents.Count + explainedWork.Count + explainedOffences.Count
                + explainedTreatmentWork.Count + explainedTops.Count + explainedEpisodes.Count
                + explainedAsb.Count + explainedEducation.Count + explainedEmployment.Count + explainedCriteria.Count + explainedNeeds.Count,
            check.Records.Count(r => check.Verdicts[r.Label].Reads && check.Verdicts[r.Label].Reason != Reason.OwnAgency && r.Kind != RecordKind.Household),
            "ExplainManyAsync explained records other than the shared ones it was given");
    }

    private static async Task<List<TreatmentExportRow>> ReadRowsAsync(TreatmentExport export)
    {
        var rows = new List<TreatmentExportRow>();
        await foreach (var row in export.Rows)
        {
            rows.Add(row);
        }

        return rows;
    }

    private async Task CheckMediatorAsync(Actor actor, UserCheck check)
    {
        var canRead = check.Verdicts.Values.All(v => v.Reason != Reason.NoReadingRole);
        try
        {
            var page = await factory.SendAsAsync<Paged<PersonListItem>>(actor, new SearchPeopleQuery(PageSize: Paging.MaxPageSize));
            check.Expect(canRead, "SearchPeopleQuery succeeded for a user without a case-reading role");
            check.CompareSet("SearchPeopleQuery", RecordKind.Person, page.Items.Select(i => i.Id));
            check.CompareCount("SearchPeopleQuery.Total", RecordKind.Person, page.Total);
            foreach (var item in page.Items.Where(i => check.Knows(i.Id)))
            {
                check.CompareExplanation("SearchPeopleQuery access", check.RecordOf(item.Id), item.Access);
            }
        }
        catch (ForbiddenAccessException)
        {
            check.Expect(!canRead, "SearchPeopleQuery was forbidden to a user with a case-reading role");
        }

        await CheckCaseReadPathsAsync(actor, check, canRead);
        await CheckTreatmentReadPathsAsync(actor, check, canRead);
        await CheckHouseholdsAsync(actor, check, canRead);
        await CheckHouseholdListAsync(actor, check, canRead);
        await CheckHouseholdEligibilityAsync(actor, check, canRead);
        await CheckFamilyRecordsAsync(actor, check, canRead);

        foreach (var record in check.Records.Where(r => r.Kind == RecordKind.Person))
        {
            var verdict = check.Verdicts[record.Label];
            var expected = !canRead ? "forbidden" : verdict.Reads ? "read" : "not found";
            var (outcome, view) = await GetPersonAsync(actor, check.Stored.IdOf(record.Label));
            if (outcome != expected && !(check.Interim && outcome == "not found" && expected == "read"))
            {
                check.Difference(record, $"GetPersonQuery answered {outcome}, the rule says {expected} ({verdict.Why})");
            }
            else if (view is not null)
            {
                check.CompareExplanation("GetPersonQuery access", record, view.Access);
            }
        }
    }

    private async Task<(string Outcome, PersonDetailsView? View)> GetPersonAsync(Actor actor, Guid personId)
    {
        try
        {
            var view = await factory.SendAsAsync<PersonDetailsView>(actor, new GetPersonQuery(new PersonId(personId)));
            return (view.Id == personId ? "read" : $"another person {view.Id}", view);
        }
        catch (NotFoundException)
        {
            return ("not found", null);
        }
        catch (ForbiddenAccessException)
        {
            return ("forbidden", null);
        }
    }

    /// <summary>The web host with logging turned down: the test sends tens of thousands of messages.</summary>
    public sealed class QuietFactory : CaseManagerFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
        [
            new("Logging:LogLevel:Default", "Error"),
            new("Logging:LogLevel:Microsoft.AspNetCore", "Error"),
        ];
    }

    /// <summary>Compares what one user got from each read path with the reference verdicts, collecting differences.</summary>
    /// <summary>The caseload and every readable person's timeline: each row the rule allows, once, and nothing else.</summary>
    private async Task CheckCaseReadPathsAsync(Actor actor, UserCheck check, bool canRead)
    {
        if (!canRead)
        {
            return;
        }

        var caseload = await factory.SendAsAsync<Paged<CaseListItem>>(actor, new ListCasesQuery(PageSize: Paging.MaxPageSize));
        check.CompareSet("ListCasesQuery", RecordKind.Case, caseload.Items.Select(c => c.Id));
        check.CompareCount("ListCasesQuery.Total", RecordKind.Case, caseload.Total);
        foreach (var item in caseload.Items.Where(i => check.Knows(i.Id)))
        {
            check.CompareExplanation("ListCasesQuery access", check.RecordOf(item.Id), item.Access);
        }

        // Caseloads by scheme and status: their totals are counted from the case readers' index (ADR 0016), not
        // from the rows, so each filter a caseload page offers is compared on its own.
        foreach (var scheme in check.World.Cases.Select(c => c.Scheme).Concat(check.World.FamilyCases.Select(f => f.Scheme)).Distinct())
        {
            await CompareCaseloadAsync(actor, check, new ListCasesQuery(scheme, PageSize: Paging.MaxPageSize) { OpenOnly = true }, (s, status) => s == scheme && status != CaseStatus.Exited);
            await CompareCaseloadAsync(actor, check, new ListCasesQuery(scheme, CaseStatus.Exited, PageSize: Paging.MaxPageSize), (s, status) => s == scheme && status == CaseStatus.Exited);
        }

        await CompareCaseloadAsync(actor, check, new ListCasesQuery(Status: CaseStatus.Active, PageSize: Paging.MaxPageSize), (_, status) => status == CaseStatus.Active);

        foreach (var person in check.Records.Where(r => r.Kind == RecordKind.Person && check.Verdicts[r.Label].Reads))
        {
            Paged<TimelineEntry> timeline;
            try
            {
                timeline = await factory.SendAsAsync<Paged<TimelineEntry>>(actor,
                    new GetTimelineQuery(new PersonId(check.Stored.IdOf(person.Label)), PageSize: Paging.MaxPageSize));
            }
            catch (NotFoundException) when (check.Interim)
            {
                // Before the derivations run, a person the rule will let the reader see may not be readable yet.
                continue;
            }
            check.CompareSetOf($"GetTimelineQuery({person.Label}) interventions", RecordKind.Intervention, person.Person,
                timeline.Items.Where(e => e.Kind == "Intervention").Select(e => e.RecordId));
            check.CompareSetOf($"GetTimelineQuery({person.Label}) offences", RecordKind.Offence, person.Person,
                timeline.Items.Where(e => e.Kind == "Offence").Select(e => e.RecordId));
            check.CompareSetOf($"GetTimelineQuery({person.Label}) cases", RecordKind.Case, person.Person,
                timeline.Items.Where(e => e.Kind == "CaseStarted").Select(e => e.RecordId));
            check.CompareSetOf($"GetTimelineQuery({person.Label}) treatment interventions", RecordKind.TreatmentIntervention, person.Person,
                timeline.Items.Where(e => e.Kind == "TreatmentIntervention").Select(e => e.RecordId));
            check.CompareSetOf($"GetTimelineQuery({person.Label}) TOPs", RecordKind.Top, person.Person,
                timeline.Items.Where(e => e.Kind == "Top").Select(e => e.RecordId));
            check.CompareSetOf($"GetTimelineQuery({person.Label}) ASB", RecordKind.Asb, person.Person,
                timeline.Items.Where(e => e.Kind == "Asb").Select(e => e.RecordId));
            check.CompareSetOf($"GetTimelineQuery({person.Label}) education", RecordKind.Education, person.Person,
                timeline.Items.Where(e => e.Kind == "Education").Select(e => e.RecordId));
            check.CompareSetOf($"GetTimelineQuery({person.Label}) employment", RecordKind.Employment, person.Person,
                timeline.Items.Where(e => e.Kind == "Employment").Select(e => e.RecordId));
            check.CompareSetOf($"GetTimelineQuery({person.Label}) local criteria", RecordKind.LocalCriterion, person.Person,
                timeline.Items.Where(e => e.Kind == "LocalCriterion").Select(e => e.RecordId));
            foreach (var entry in timeline.Items.Where(e => e.Kind is "Intervention" or "Offence" or "TreatmentIntervention" or "Top"
                or "Asb" or "Education" or "Employment" or "LocalCriterion" && check.Knows(e.RecordId)))
            {
                check.CompareExplanation("GetTimelineQuery access", check.RecordOf(entry.RecordId), entry.Access);
            }
        }
    }

    /// <summary>
    /// The treatment read paths (DOMAIN.md DT5, IS2: health data, shared only by consent or an agreement with an
    /// Article 9 condition): per case, the TOPs and treatment interventions listed on it and the episode in its view
    /// (for a treatment case); the report's people in treatment and the NDTMS-like export's rows and their counts.
    /// Each is exactly what the rule allows, and a case the reader may not see is "not found".
    /// </summary>
    private async Task CheckTreatmentReadPathsAsync(Actor actor, UserCheck check, bool canRead)
    {
        if (!canRead)
        {
            var report = async () => await factory.SendAsAsync<TreatmentReportView>(actor, new TreatmentReportQuery());
            await report.Should().ThrowAsync<ForbiddenAccessException>();
            return;
        }

        foreach (var worldCase in check.World.Cases)
        {
            var caseId = new CaseId(check.Stored.IdOf(worldCase.Label));
            var caseReads = check.Verdicts[worldCase.Label].Reads;
            var tops = await ListOrNullAsync(factory.SendAsAsync<IReadOnlyList<TopRecordView>>(actor, new ListTopsQuery(caseId)));
            var given = await ListOrNullAsync(factory.SendAsAsync<IReadOnlyList<TreatmentInterventionView>>(actor, new ListTreatmentInterventionsQuery(caseId)));
            check.Agrees(tops is not null, caseReads, $"ListTopsQuery({worldCase.Label}) answered {(tops is null ? "not found" : "read")}, the case is {(caseReads ? "readable" : "not readable")}");
            check.Agrees(given is not null, caseReads, $"ListTreatmentInterventionsQuery({worldCase.Label}) answered {(given is null ? "not found" : "read")}, the case is {(caseReads ? "readable" : "not readable")}");
            if (!caseReads || tops is null || given is null)
            {
                continue;
            }

            check.CompareSet($"ListTopsQuery({worldCase.Label})", RecordKind.Top, tops!.Select(t => t.Id), r => r.Label == World.TopLabel(worldCase));
            check.CompareSet($"ListTreatmentInterventionsQuery({worldCase.Label})", RecordKind.TreatmentIntervention, given!.Select(i => i.Id),
                r => r.Label == World.TreatmentInterventionLabel(worldCase));
            foreach (var top in tops!)
            {
                check.CompareExplanation("ListTopsQuery access", check.Records.Single(r => r.Label == World.TopLabel(worldCase)), top.Access);
            }

            foreach (var intervention in given!)
            {
                check.CompareExplanation("ListTreatmentInterventionsQuery access", check.Records.Single(r => r.Label == World.TreatmentInterventionLabel(worldCase)), intervention.Access);
            }

            if (TreatmentEpisode.IsTreatment(worldCase.Scheme))
            {
                var view = await factory.SendAsAsync<CaseView>(actor, new GetCaseQuery(caseId));
                var episodeReads = check.Verdicts[World.TreatmentEpisodeLabel(worldCase)].Reads;
                check.Agrees(view.Treatment is not null, episodeReads,
                    $"GetCaseQuery({worldCase.Label}) {(view.Treatment is null ? "left out" : "showed")} the treatment episode, the rule says {(episodeReads ? "read" : "refuse")}");
            }
        }

        // Every episode of the world is open, started 30 days ago: all the reader may read are in treatment today.
        var measures = await factory.SendAsAsync<TreatmentReportView>(actor, new TreatmentReportQuery());
        check.CompareCount("TreatmentReportQuery.InTreatment", RecordKind.TreatmentEpisode, measures.InTreatment.Total);
        var opiateClients = measures.LongTermSubstitute.OpiateClients;
        check.CompareCount("TreatmentReportQuery.OpiateClients", RecordKind.TreatmentEpisode, opiateClients);

        var rows = await factory.SendAsAsync<TreatmentExport, List<TreatmentExportRow>>(
            actor, new TreatmentExportQuery(check.World.Today.AddDays(-60), check.World.Today), ReadRowsAsync);

        check.CompareSet("TreatmentExportQuery rows", RecordKind.TreatmentEpisode, rows.Select(r => r.EpisodeId));
        foreach (var worldCase in check.World.Cases)
        {
            var row = rows.SingleOrDefault(r => r.EpisodeId == check.Stored.IdOf(worldCase.Label));
            if (row is null)
            {
                continue;
            }

            var interventions = check.Verdicts[World.TreatmentInterventionLabel(worldCase)].Reads ? 1 : 0;
            var topCount = check.Verdicts[World.TopLabel(worldCase)].Reads ? 1 : 0;
            check.Expect(check.Interim ? row.Interventions <= interventions && row.Tops <= topCount : row.Interventions == interventions && row.Tops == topCount,
                $"TreatmentExportQuery counted {row.Interventions} intervention(s) and {row.Tops} TOP(s) on {worldCase.Label}, the rule reads {interventions} and {topCount}");
        }
    }

    private static async Task<T?> ListOrNullAsync<T>(Task<T> read)
        where T : class
    {
        try
        {
            return await read;
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// Households (DOMAIN.md FAM1, FAM2): the readable set, and for each one the reader may see, the members shown
    /// (exactly the memberships of people the reader may see) and the family cases listed on it.
    /// </summary>
    private async Task CheckHouseholdsAsync(Actor actor, UserCheck check, bool canRead)
    {
        if (!canRead)
        {
            return;
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentUserContext>().RunAs(actor);
            var access = scope.ServiceProvider.GetRequiredService<IRecordAccess>();
            var db = scope.ServiceProvider.GetRequiredService<IAppDbContext>();
            var readable = await access.ReadableHouseholds(db.Households.AsNoTracking()).Select(h => h.Id).ToListAsync();
            check.CompareSet("ReadableHouseholds", RecordKind.Household, readable.Select(id => id.Value));
            var fromReader = await access.ReadableHouseholdsFromReader(db.Households.AsNoTracking()).Select(h => h.Id).ToListAsync();
            check.CompareSet("ReadableHouseholdsFromReader", RecordKind.Household, fromReader.Select(id => id.Value));
        }

        foreach (var record in check.Records.Where(r => r.Kind == RecordKind.Household))
        {
            var verdict = check.Verdicts[record.Label];
            HouseholdView? view = null;
            try
            {
                view = await factory.SendAsAsync<HouseholdView>(actor, new GetHouseholdQuery(new HouseholdId(check.Stored.IdOf(record.Label))));
            }
            catch (NotFoundException)
            {
            }

            if ((view is not null) != verdict.Reads && !(check.Interim && view is null))
            {
                check.Difference(record, $"GetHouseholdQuery answered {(view is null ? "not found" : "read")}, the rule says {(verdict.Reads ? "read" : "not found")} ({verdict.Why})");
                continue;
            }

            if (view is null)
            {
                continue;
            }

            var household = check.World.Households[record.Household];
            var expectedMembers = household.Memberships
                .Where(m => check.Verdicts[check.World.People[m.Person].Label].Reads)
                .Select(m => check.Stored.IdOf(check.World.People[m.Person].Label))
                .Order().ToList();
            var shownMembers = view.Members.Select(m => m.PersonId).Order().ToList();
            check.Within(shownMembers, expectedMembers, $"GetHouseholdQuery({record.Label}) showed members {shownMembers.Count}, the rule shows {expectedMembers.Count}");
            var expectedCases = check.World.FamilyCases.Where(f => f.Household == record.Household && check.Verdicts[f.Label].Reads)
                .Select(f => check.Stored.IdOf(f.Label)).Order().ToList();
            check.Within(view.Cases.Select(c => c.Id).Order().ToList(), expectedCases, $"GetHouseholdQuery({record.Label}) listed the wrong family cases");
            await CheckHouseholdTimelineAsync(actor, check, record);
        }
    }

    /// <summary>
    /// The household timeline (API.md, FAM2, IS7b): every record the rule lets the reader see of a member it may see,
    /// dated on a day of their membership, and the household's own family cases and family-level criteria, each once,
    /// with the rule's explanation; then the same filtered to the reader's own agency, to one visible member, and to a
    /// person who is not a visible member (an empty page).
    /// </summary>
    private async Task CheckHouseholdTimelineAsync(Actor actor, UserCheck check, WorldRecord householdRecord)
    {
        var world = check.World;
        var household = world.Households[householdRecord.Household];
        var id = new HouseholdId(check.Stored.IdOf(householdRecord.Label));
        var visible = household.Memberships.Where(m => check.Verdicts[world.People[m.Person].Label].Reads).ToList();

        bool Shown(WorldRecord r, int? onlyPerson, int? onlyAgency)
        {
            if (!check.Verdicts[r.Label].Reads || (onlyAgency is { } agency && r.Owner != agency) || world.TimelineDay(r) is not { } day)
            {
                return false;
            }

            if (r.Kind == RecordKind.FamilyCase || (r.Kind == RecordKind.LocalCriterion && r.Person < 0))
            {
                return onlyPerson is null && r.Household == householdRecord.Household;
            }

            return (onlyPerson is null || onlyPerson == r.Person)
                && visible.Any(m => m.Person == r.Person && m.From <= day && (m.To is null || day <= m.To));
        }

        async Task CompareAsync(string path, GetHouseholdTimelineQuery query, int? onlyPerson, int? onlyAgency)
        {
            var page = await factory.SendAsAsync<Paged<TimelineEntry>>(actor, query);
            var expected = check.Records.Where(r => Shown(r, onlyPerson, onlyAgency)).Select(r => check.Stored.IdOf(r.Label)).Order().ToList();
            var returned = page.Items.Select(e => e.RecordId).Order().ToList();
            foreach (var missing in check.Interim ? [] : expected.Except(returned))
            {
                check.Difference(check.RecordOf(missing), $"{path} left it out, the rule shows it ({check.Verdicts[check.RecordOf(missing).Label].Why})");
            }

            foreach (var extra in returned.Except(expected).Distinct())
            {
                if (check.Knows(extra))
                {
                    check.Difference(check.RecordOf(extra), $"{path} showed it, the rule leaves it out ({check.Verdicts[check.RecordOf(extra).Label].Why})");
                }
                else
                {
                    check.Expect(false, $"{path} returned {extra}, which is not in the world");
                }
            }

            check.Expect(returned.Count == returned.Distinct().Count(), $"{path} returned a record twice");
            check.Expect(check.Interim ? page.Total <= expected.Count && page.Total == returned.Count : page.Total == expected.Count, $"{path}.Total is {page.Total}, the rule shows {expected.Count}");
            foreach (var entry in page.Items.Where(e => check.Knows(e.RecordId)))
            {
                var shownRecord = check.RecordOf(entry.RecordId);
                check.CompareExplanation($"{path} access", shownRecord, entry.Access);
                check.Expect(entry.PersonId == (shownRecord.Person < 0 ? null : check.Stored.IdOf(world.People[shownRecord.Person].Label)),
                    $"{path} gave {shownRecord.Label} the wrong personId");
            }
        }

        var label = householdRecord.Label;
        await CompareAsync($"GetHouseholdTimelineQuery({label})", new GetHouseholdTimelineQuery(id, PageSize: Paging.MaxPageSize), null, null);
        var own = check.User.Agency;
        await CompareAsync($"GetHouseholdTimelineQuery({label}, agency {world.AgencyCode(own)})",
            new GetHouseholdTimelineQuery(id, Agency: world.AgencyCode(own), PageSize: Paging.MaxPageSize), null, own);
        if (visible.FirstOrDefault() is { } member)
        {
            var person = world.People[member.Person];
            await CompareAsync($"GetHouseholdTimelineQuery({label}, member {person.Label})",
                new GetHouseholdTimelineQuery(id, new PersonId(check.Stored.IdOf(person.Label)), PageSize: Paging.MaxPageSize), member.Person, null);
        }

        if (world.People.FirstOrDefault(p => visible.All(m => m.Person != p.Index)) is { } outsider)
        {
            var page = await factory.SendAsAsync<Paged<TimelineEntry>>(actor,
                new GetHouseholdTimelineQuery(id, new PersonId(check.Stored.IdOf(outsider.Label)), PageSize: Paging.MaxPageSize));
            check.Expect(page.Items.Count == 0 && page.Total == 0,
                $"GetHouseholdTimelineQuery({label}, member {outsider.Label}) showed {page.Total} entries of a person who is not a member it may see");
        }
    }

    /// <summary>
    /// The household list (API.md "Households and families", FAM2, IS7): exactly the households the rule lets the
    /// reader know of, with the total counted the same way and, on each, the schemes of the open family cases the
    /// reader may read; then searched by each member's name, which finds a household only through a member the reader
    /// may see (a hidden member is neither matched nor counted), and by the family name every person shares.
    /// </summary>
    private async Task CheckHouseholdListAsync(Actor actor, UserCheck check, bool canRead)
    {
        var world = check.World;
        if (!canRead)
        {
            var list = async () => await factory.SendAsAsync<Paged<HouseholdListItem>>(actor, new ListHouseholdsQuery());
            await list.Should().ThrowAsync<ForbiddenAccessException>();
            return;
        }

        await CompareHouseholdListAsync(actor, check, null);
        foreach (var person in world.Households.SelectMany(h => h.Memberships).Select(m => m.Person).Distinct())
        {
            await CompareHouseholdListAsync(actor, check, world.People[person].Label.ToLowerInvariant());
        }

        if (world.Households.Count > 0)
        {
            await CompareHouseholdListAsync(actor, check, "Model");
        }
    }

    private async Task CompareHouseholdListAsync(Actor actor, UserCheck check, string? search)
    {
        var world = check.World;
        var path = $"ListHouseholdsQuery({(search is null ? "all" : $"\"{search}\"")})";
        var text = search?.ToUpperInvariant();

        // Person records are registered as "{label} Model", households named by their label (WorldDatabase).
        bool Matches(WorldRecord household) => text is null
            || household.Label.Contains(text, StringComparison.Ordinal)
            || world.Households[household.Household].Memberships.Any(m => check.Verdicts[world.People[m.Person].Label].Reads
                && $"{world.People[m.Person].Label} MODEL".Contains(text, StringComparison.Ordinal));

        var page = await factory.SendAsAsync<Paged<HouseholdListItem>>(actor, new ListHouseholdsQuery(search, PageSize: Paging.MaxPageSize));
        check.CompareSet(path, RecordKind.Household, page.Items.Select(h => h.Id), r => r.Kind == RecordKind.Household && Matches(r));
        check.CompareCount($"{path}.Total", RecordKind.Household, page.Total, r => r.Kind == RecordKind.Household && Matches(r));
        foreach (var item in page.Items.Where(i => check.Knows(i.Id)))
        {
            var record = check.RecordOf(item.Id);
            if (record.Kind != RecordKind.Household || !Matches(record))
            {
                check.Difference(record, $"{path} listed it, which it should not match");
                continue;
            }

            var open = world.FamilyCases
                .Where(f => f.Household == record.Household && f.Status != CaseStatus.Exited && check.Verdicts[f.Label].Reads)
                .Select(f => f.Scheme.ToString()).Distinct().Order(StringComparer.Ordinal).ToList();
            check.Expect(item.Name == record.Label, $"{path} named {record.Label} \"{item.Name}\"");
            check.Expect(check.Interim ? item.OpenSchemes.All(open.Contains) : item.OpenSchemes.SequenceEqual(open),
                $"{path} gave {record.Label} open schemes {{{string.Join(",", item.OpenSchemes)}}}, the rule shows {{{string.Join(",", open)}}}");
        }
    }

    private WorldEligibility? _eligibility;

    /// <summary>
    /// A household's Troubled Families eligibility in both phases (TF1, TF4, IS7b), as at today and a month ago: "not
    /// found" unless the reader may know of the household; otherwise exactly what the engines give over the facts the
    /// rule lets the reader see (<see cref="WorldEligibility"/>), down to each criterion's words and evidence. A
    /// member, record or count the reader may not see would change a criterion, a summary or an evidence line; and no
    /// evidence may name a record the rule refuses or a member the reader may not see.
    /// </summary>
    private async Task CheckHouseholdEligibilityAsync(Actor actor, UserCheck check, bool canRead)
    {
        var world = check.World;
        var households = check.Records.Where(r => r.Kind == RecordKind.Household).ToList();
        if (!canRead)
        {
            if (households.FirstOrDefault() is { } any)
            {
                var read = async () => await factory.SendAsAsync<HouseholdEligibilityView>(actor,
                    new GetHouseholdEligibilityQuery(new HouseholdId(check.Stored.IdOf(any.Label))));
                await read.Should().ThrowAsync<ForbiddenAccessException>();
            }

            return;
        }

        if (_eligibility is null || !ReferenceEquals(_eligibility.Stored, check.Stored))
        {
            _eligibility = await WorldEligibility.LoadAsync(factory, world, check.Stored);
        }

        foreach (var record in households)
        {
            var verdict = check.Verdicts[record.Label];
            foreach (var asOf in new[] { world.Today, world.Today.AddDays(-30) })
            {
                var path = $"GetHouseholdEligibilityQuery({record.Label}, as at today{asOf.DayNumber - world.Today.DayNumber:+0;-0;''})";
                HouseholdEligibilityView? view = null;
                try
                {
                    view = await factory.SendAsAsync<HouseholdEligibilityView>(actor,
                        new GetHouseholdEligibilityQuery(new HouseholdId(check.Stored.IdOf(record.Label)), asOf));
                }
                catch (NotFoundException)
                {
                }

                // Before the derivations ran (ADR 0026) a household the rule shows may still be not found; never the reverse.
                if (check.Interim ? view is not null && !verdict.Reads : (view is not null) != verdict.Reads)
                {
                    check.Difference(record, $"{path} answered {(view is null ? "not found" : "read")}, the rule says {(verdict.Reads ? "read" : "not found")} ({verdict.Why})");
                    break;
                }

                if (view is null)
                {
                    break;
                }

                var attached = world.FamilyCases
                    .Where(f => f.Household == record.Household && f.Scheme == Scheme.TroubledFamilies && f.Status != CaseStatus.Exited && check.Verdicts[f.Label].Reads)
                    .Select(f => check.Stored.IdOf(f.Label)).ToList();
                check.Expect(view.CaseId is { } caseId ? attached.Contains(caseId) : attached.Count == 0 || check.Interim,
                    $"{path} named case {check.Stored.LabelOf(view.CaseId)}, the open Troubled Families cases the rule shows are {{{string.Join(",", attached.Select(a => check.Stored.LabelOf(a)))}}}");
                check.Expect(view.Basis == FamilyFactsReader.Basis && view.Phases.All(p => p.Basis == FamilyFactsReader.Basis),
                    $"{path} did not say it was worked out from records the reader may see");

                var visible = world.Households[record.Household].Memberships
                    .Where(m => check.Verdicts[world.People[m.Person].Label].Reads)
                    .Select(m => check.Stored.IdOf(world.People[m.Person].Label)).ToHashSet();
                foreach (var evidence in view.Phases.SelectMany(p => p.Criteria).SelectMany(c => c.Evidence))
                {
                    var label = check.Stored.LabelOf(evidence.RecordId);
                    var shown = check.Records.FirstOrDefault(r => r.Label == label);
                    if (shown is null || !check.Verdicts[shown.Label].Reads)
                    {
                        check.Expect(false, $"{path} gave as evidence {label}, which the rule does not let the reader read");
                    }
                    else if (evidence.PersonId is { } person && !visible.Contains(person))
                    {
                        check.Difference(shown, $"{path} gave it as evidence about {check.Stored.LabelOf(person)}, a member the reader may not see");
                    }
                }

                if (check.Interim)
                {
                    // Worked out from fewer facts than the rule allows, until the derivations have run: the evidence
                    // above must still be only what the rule shows, but the verdicts may fall short of the engine's.
                    continue;
                }

                var facts = _eligibility.For(record.Household, check.Verdicts, asOf, view.CaseId);
                check.Expect(view.Phases.Select(p => p.Phase).SequenceEqual([1, 2]), $"{path} gave phases {string.Join(",", view.Phases.Select(p => p.Phase))}");
                foreach (var phase in view.Phases)
                {
                    var expected = Describe(EligibilityView.From(Guid.Empty, Guid.Empty, Eligibility.For(phase.Phase, facts, asOf, _eligibility.Options)), check.Stored);
                    var actual = Describe(phase, check.Stored);
                    if (actual != expected)
                    {
                        check.Difference(record, $"{path} phase {phase.Phase} differs from the engine over the facts the rule shows:{Environment.NewLine}"
                            + $"    got      {actual}{Environment.NewLine}    expected {expected}");
                    }
                }
            }
        }

        static string Describe(EligibilityView view, StoredWorld stored) =>
            $"{(view.Eligible ? "eligible" : "not eligible")} as at {view.AsOf:yyyy-MM-dd} \"{view.Summary}\"; " + string.Join("; ", view.Criteria.Select(c =>
                $"{c.Code} {(c.Met ? "met" : "not met")} \"{c.Found}\" missing \"{c.Missing}\" ["
                + string.Join(", ", c.Evidence.Select(e => $"{e.Kind} {stored.LabelOf(e.RecordId)} of {stored.LabelOf(e.PersonId)} on {e.On:yyyy-MM-dd} \"{e.Detail}\"")) + "]"));
    }

    /// <summary>
    /// A family case's assessments and plan (DOMAIN.md FAM1, IS7b): read as the family case is ("not found" otherwise);
    /// of the assessment, exactly the needs the rule lets the reader read, each in its area's data category, less those
    /// about a member the reader may not see; of the plan, every action for the family and those for members the
    /// reader may see. Nothing about a hidden member shows.
    /// </summary>
    private async Task CheckFamilyRecordsAsync(Actor actor, UserCheck check, bool canRead)
    {
        if (!canRead)
        {
            return;
        }

        foreach (var familyCase in check.World.FamilyCases)
        {
            var caseRecord = check.Records.Single(r => r.Label == familyCase.Label);
            var readsCase = check.Verdicts[familyCase.Label].Reads;
            var caseId = new CaseId(check.Stored.IdOf(familyCase.Label));
            var member = check.World.CriterionMember(familyCase);
            var readsMember = member is { } m && check.Verdicts[check.World.People[m].Label].Reads;

            IReadOnlyList<FamilyAssessmentView>? assessments = null;
            try
            {
                assessments = await factory.SendAsAsync<IReadOnlyList<FamilyAssessmentView>>(actor, new ListAssessmentsQuery(caseId));
            }
            catch (NotFoundException)
            {
            }

            if ((assessments is not null) != readsCase && !(check.Interim && assessments is null))
            {
                check.Difference(caseRecord, $"ListAssessmentsQuery answered {(assessments is null ? "not found" : "read")}, the rule says {(readsCase ? "read" : "not found")}");
            }
            else if (assessments is not null)
            {
                var shown = assessments.SelectMany(a => a.Needs).ToList();
                check.Expect(assessments.Count == 1, $"ListAssessmentsQuery({familyCase.Label}) listed {assessments.Count} assessments, the case has 1");
                foreach (var need in check.Records.Where(r => r.Kind == RecordKind.AssessmentNeed && r.Household == familyCase.Household
                    && (r.Label == World.FamilyNeedLabel(familyCase) || r.Label == World.MemberNeedLabel(familyCase))))
                {
                    var expected = check.Verdicts[need.Label].Reads && (need.Person < 0 || readsMember);
                    var area = need.Person < 0 ? World.FamilyNeedArea(familyCase) : World.MemberNeedArea(familyCase);
                    var matches = shown.Where(n => n.Area == area.ToString() && (n.PersonId is null) == (need.Person < 0)).ToList();
                    if (check.Differs(matches.Count, expected ? 1 : 0))
                    {
                        check.Difference(need, $"ListAssessmentsQuery({familyCase.Label}) showed it {matches.Count} time(s), the rule says {(expected ? "read" : "leave out")} ({check.Verdicts[need.Label].Why})");
                    }
                    else if (matches.Count == 1)
                    {
                        check.Expect(matches[0].DataCategory == need.Category.ToString(), $"ListAssessmentsQuery({familyCase.Label}) gave {need.Label} category {matches[0].DataCategory}, its area's is {need.Category}");
                        check.Expect(need.Person < 0 || matches[0].PersonName is not null, $"ListAssessmentsQuery({familyCase.Label}) did not name the member of {need.Label}");
                        check.CompareExplanation("ListAssessmentsQuery access", need, matches[0].Access);
                    }
                }

                check.Expect(shown.All(n => n.PersonId is null || (readsMember && n.PersonId == check.Stored.IdOf(check.World.People[member!.Value].Label))),
                    $"ListAssessmentsQuery({familyCase.Label}) showed a need about a member the reader may not see");
            }

            FamilyPlanView? plan = null;
            try
            {
                plan = await factory.SendAsAsync<FamilyPlanView>(actor, new GetPlanQuery(caseId));
            }
            catch (NotFoundException)
            {
            }

            if ((plan is not null) != readsCase && !(check.Interim && plan is null))
            {
                check.Difference(caseRecord, $"GetPlanQuery answered {(plan is null ? "not found" : "read")}, the rule says {(readsCase ? "read" : "not found")}");
            }
            else if (plan is not null)
            {
                List<Guid> expected = [check.Stored.IdOf(World.FamilyActionLabel(familyCase))];
                if (readsMember)
                {
                    expected.Add(check.Stored.IdOf(World.MemberActionLabel(familyCase)));
                }

                var shown = plan.Actions.Select(a => a.Id).Order().ToList();
                check.Within(shown, expected.Order().ToList(),
                    $"GetPlanQuery({familyCase.Label}) showed {shown.Count} action(s), the rule shows {expected.Count} (member {(member is null ? "none" : readsMember ? "seen" : "hidden")})");
                check.Expect(plan.Actions.All(a => a.ForPersonId is null || readsMember), $"GetPlanQuery({familyCase.Label}) named a member the reader may not see");
            }
        }
    }

    private async Task CompareCaseloadAsync(Actor actor, UserCheck check, ListCasesQuery query, Func<Scheme, CaseStatus, bool> inCaseload)
    {
        var path = $"ListCasesQuery(scheme {query.Scheme?.ToString() ?? "any"}, {(query.OpenOnly ? "open" : query.Status?.ToString() ?? "any status")})";
        var labels = check.World.Cases.Where(c => inCaseload(c.Scheme, c.Status)).Select(c => c.Label)
            .Concat(check.World.FamilyCases.Where(f => inCaseload(f.Scheme, f.Status)).Select(f => f.Label))
            .ToHashSet();
        var caseload = await factory.SendAsAsync<Paged<CaseListItem>>(actor, query);
        check.CompareSet(path, RecordKind.Case, caseload.Items.Select(c => c.Id), r => labels.Contains(r.Label));
        check.CompareCount($"{path}.Total", RecordKind.Case, caseload.Total, r => labels.Contains(r.Label));
    }

    /// <summary>
    /// Compares what one user got from each read path with the reference verdicts, collecting differences. In the
    /// <see cref="Interim"/> check (before the background derivations have run, ADR 0026) a path may leave out what the
    /// rule allows, but never show what the rule refuses; explanations are not compared.
    /// </summary>
    private sealed class UserCheck(
        World world, StoredWorld stored, WorldUser user, IReadOnlyList<WorldRecord> records,
        IReadOnlyDictionary<string, Verdict> verdicts, List<string> differences, bool interim)
    {
        public bool Interim => interim;

        public World World => world;

        public WorldUser User => user;

        public StoredWorld Stored => stored;

        public IReadOnlyList<WorldRecord> Records => records;

        public IReadOnlyDictionary<string, Verdict> Verdicts => verdicts;

        public bool Knows(Guid id) => records.Any(r => stored.IdOf(r.Label) == id);

        /// <summary>A read of cases returns family cases too (DOMAIN.md FAM3): one resource for every scheme.</summary>
        public static bool Is(WorldRecord record, RecordKind kind) =>
            record.Kind == kind || (kind == RecordKind.Case && record.Kind == RecordKind.FamilyCase);

        /// <summary>The record an id names; a case's id also keys its treatment episode, so the case is meant.</summary>
        public WorldRecord RecordOf(Guid id) => records.Single(r => r.Kind != RecordKind.TreatmentEpisode && stored.IdOf(r.Label) == id);

        public void Expect(bool condition, string problem)
        {
            if (!condition)
            {
                differences.Add($"{world.Describe(user)}: {problem}");
            }
        }

        public void Difference(WorldRecord record, string problem) =>
            differences.Add($"{world.Describe(user)} {(interim ? "before the derivations ran, " : string.Empty)}reading {world.Describe(record)}: {problem}");

        /// <summary>Whether a path returned a record the wrong number of times: any other than the rule's; before the derivations, more.</summary>
        public bool Differs(int returned, int expected) => interim ? returned > expected : returned != expected;

        /// <summary>A path showed something (a record, a view) exactly when the rule allows it; before the derivations, only if it does.</summary>
        public void Agrees(bool shown, bool allowed, string problem) => Expect(interim ? !shown || allowed : shown == allowed, problem);

        /// <summary>A count equal to the rule's; before the derivations, no more than it.</summary>
        public void AtMost(int actual, int expected, string problem) => Expect(interim ? actual <= expected : actual == expected, problem);

        /// <summary>The same ids in order as the rule's; before the derivations, only ids the rule has.</summary>
        public void Within(List<Guid> shown, List<Guid> expected, string problem) =>
            Expect(interim ? shown.All(expected.Contains) && shown.Distinct().Count() == shown.Count : shown.SequenceEqual(expected), problem);

        public void CompareSet(string path, RecordKind kind, IEnumerable<Guid> returned, Func<WorldRecord, bool>? among = null)
        {
            var ids = returned.ToList();
            foreach (var id in ids.Where(id => !Knows(id)))
            {
                differences.Add($"{world.Describe(user)}: {path} returned {id}, which is not in the world");
            }

            foreach (var record in records.Where(r => Is(r, kind) && (among?.Invoke(r) ?? true)))
            {
                var verdict = verdicts[record.Label];
                var count = ids.Count(id => id == stored.IdOf(record.Label));
                if (Differs(count, verdict.Reads ? 1 : 0))
                {
                    Difference(record, $"{path} returned it {count} time(s), the rule says {(verdict.Reads ? "read" : "refuse")} ({verdict.Why})");
                }
            }
        }

        /// <summary>As <see cref="CompareSet"/>, for the records of one person (a timeline).</summary>
        public void CompareSetOf(string path, RecordKind kind, int person, IEnumerable<Guid> returned)
        {
            var ids = returned.ToList();
            foreach (var record in records.Where(r => r.Kind == kind && r.Person == person))
            {
                var verdict = verdicts[record.Label];
                var count = ids.Count(id => id == stored.IdOf(record.Label));
                if (Differs(count, verdict.Reads ? 1 : 0))
                {
                    Difference(record, $"{path} returned it {count} time(s), the rule says {(verdict.Reads ? "read" : "refuse")} ({verdict.Why})");
                }
            }

            Expect(ids.All(id => records.Any(r => r.Kind == kind && r.Person == person && stored.IdOf(r.Label) == id)), $"{path} returned a record of another person or kind");
        }

        public void CompareCount(string path, RecordKind kind, int actual, Func<WorldRecord, bool>? among = null)
        {
            var expected = records.Count(r => Is(r, kind) && verdicts[r.Label].Reads && (among?.Invoke(r) ?? true));
            AtMost(actual, expected, $"{path} is {actual}, the rule reads {expected}");
        }

        public void CompareExplanation(string path, WorldRecord record, RecordAccessExplanation? actual)
        {
            var verdict = verdicts[record.Label];
            if (!verdict.Reads || interim)
            {
                return;
            }

            var agreementName = stored.LabelOf(actual?.AgreementId);
            var explained = verdict.Reason switch
            {
                Reason.OwnAgency => actual is null,
                Reason.Agreement => actual is { Rule: AccessRules.SharingAgreement, ConsentId: null, GrantId: null }
                    && actual.AgreementName == agreementName
                    && verdict.Covers.Any(c => !c.Agreement.ConsentRequired && c.Agreement.Label == agreementName),
                Reason.AgreementWithConsent => actual is { Rule: AccessRules.Consent, GrantId: null }
                    && actual.AgreementName == agreementName
                    && verdict.Covers.Any(c => c.Agreement.Label == agreementName && c.Consents.Any(k => k.Label == stored.LabelOf(actual.ConsentId))),
                Reason.BreakGlass => actual is { Rule: AccessRules.BreakGlass, AgreementId: null, ConsentId: null }
                    && verdict.Grants.Any(g => g.Label == stored.LabelOf(actual.GrantId) && g.ExpiresAt == actual.GrantExpiresAt),
                Reason.OpenCase => actual is { Rule: AccessRules.OpenCase, AgreementId: null, ConsentId: null, GrantId: null },
                _ => true,
            };
            if (!explained)
            {
                var shown = actual is null
                    ? "null"
                    : $"{actual.Rule} (agreement {agreementName}, consent {stored.LabelOf(actual.ConsentId)}, grant {stored.LabelOf(actual.GrantId)})";
                Difference(record, $"{path} explains it as {shown}, the rule reads it by {verdict.Why}");
            }
        }
    }

    private sealed class Tally
    {
        private readonly Dictionary<Reason, int> _byReason = Enum.GetValues<Reason>().ToDictionary(r => r, _ => 0);

        public int Worlds { get; set; }

        /// <summary>Worlds whose read paths were also checked before the background derivations ran.</summary>
        public int InterimWorlds { get; set; }

        public int Decisions => _byReason.Values.Sum();

        public int Count(Reason reason) => _byReason[reason];

        public void Add(IEnumerable<Verdict> verdicts)
        {
            foreach (var verdict in verdicts)
            {
                _byReason[verdict.Reason]++;
            }
        }

        public string Summary() =>
            $"{Worlds} worlds ({InterimWorlds} also before their derivations ran), {Decisions} (world, user, record) decisions checked on every read path: "
            + string.Join(", ", _byReason.Select(pair => $"{pair.Key} {pair.Value}"));
    }
}
