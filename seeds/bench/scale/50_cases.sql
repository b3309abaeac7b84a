/*
  step: tribunal cases (50,000 at N = 1 or --cases, bilingual, the vocabulary of real decisions)

  Each case draws its tribunal, protected grounds, area, kind of discrimination,
  finding and remedies from the lists below, and its English and French texts
  say the same thing in each language: a title in the citation style of the
  tribunal ("Mensah v. Northern Logistics Inc., 2019 HRTO 1234"), a summary of
  two short paragraphs (about 500 characters), and a full text sized like a
  real decision: the opening (about 1,500 characters) followed by 24 to 71
  paragraphs of reasons drawn from the pool below (about 8 to 24 kB per
  language, 16 kB on average). 2% are soft-deleted. The setting
  abr.seed_cases (`abr-db seed --scale N --cases C`) sets the number of cases
  whatever N.

  phase: cases, in parallel by ranges of t

  The seed runs this step after its main transaction, on several connections
  at once, each inserting the cases t = abr.seed_case_first ..
  abr.seed_case_last (default: all of them), with the table's non-unique
  indexes dropped and built again afterwards (tools/abr_db/scale_seed.py):
  parsing the texts for the four stored tsvectors is most of the cost
  (about 4 ms a case), and one connection parses on one core.
*/

create temp table syn_case_picks on commit drop as
select
  t,
  floor(random() * 7)::integer as tribunal,
  floor(random() * 10)::integer as ground,
  floor(random() * 4)::integer as area,
  floor(random() * 7)::integer as kind,
  floor(random() * 4)::integer as outcome,
  floor(random() * 6)::integer as remedy,
  floor(random() * 6)::integer as remedy2,
  floor(random() * 11)::integer as surname,
  floor(random() * 9)::integer as respondent,
  floor(random() * 8)::integer as job,
  2000 + floor(random() * 26)::integer as year,
  (500 + floor(random() * 80000))::integer as award
from generate_series(
  coalesce(nullif(current_setting('abr.seed_case_first', true), '')::integer, 1),
  coalesce(
    nullif(current_setting('abr.seed_case_last', true), '')::integer,
    nullif(current_setting('abr.seed_cases', true), '')::integer,
    greatest(40, round(50000 * current_setting('abr.seed_scale')::numeric))::integer
  )
) as t;

-- The reasons: paragraphs in both languages (the same n says the same thing),
-- %1 the area (employment, housing ...), %2 the year.
create temp table syn_case_reasons on commit drop as
select r.n, r.en, r.fr
from (values
  (0, 'The applicant testified about the events in detail. The Tribunal found the testimony consistent with the '
    || 'documents filed, including the emails exchanged with the supervisor in %2 and the notes of the meeting '
    || 'at which the complaint about %1 was first raised.',
    'La partie demanderesse a témoigné en détail. Le Tribunal a jugé son témoignage conforme aux documents '
    || 'déposés, notamment les courriels échangés avec le superviseur en %2 et les notes de la réunion où la '
    || 'plainte en matière de %1 a été soulevée pour la première fois.'),
  (1, 'The respondent called three witnesses, who described the policies in force and the training given to '
    || 'managers. None of them could explain why the applicant alone was singled out, and their accounts of the '
    || 'meeting differed on material points.',
    'L''intimée a fait entendre trois témoins, qui ont décrit les politiques en vigueur et la formation donnée '
    || 'aux gestionnaires. Aucun n''a pu expliquer pourquoi la partie demanderesse avait été la seule visée, et '
    || 'leurs récits de la réunion divergeaient sur des points importants.'),
  (2, 'Comparator evidence showed that colleagues who were not Black and who had similar records were treated '
    || 'more favourably: they received warnings rather than suspensions, and their explanations were accepted '
    || 'without further inquiry.',
    'La preuve relative aux comparateurs a montré que des collègues qui n''étaient pas noirs et qui avaient un '
    || 'dossier semblable avaient été traités plus favorablement : ils avaient reçu des avertissements plutôt que '
    || 'des suspensions, et leurs explications avaient été acceptées sans autre examen.'),
  (3, 'The Tribunal recalled that the applicant need not prove an intention to discriminate. It is enough that '
    || 'race was one factor among others in the adverse treatment, even if it was not the main one, and even if '
    || 'the decision maker was not aware of it.',
    'Le Tribunal a rappelé que la partie demanderesse n''a pas à prouver une intention de discriminer. Il suffit '
    || 'que la race ait été un facteur parmi d''autres du traitement défavorable, même s''il n''était pas le '
    || 'principal, et même si le décideur n''en était pas conscient.'),
  (4, 'Counsel for the respondent argued that the complaint was filed out of time. The Tribunal found that the '
    || 'incidents formed a series of related events, the last of which occurred within the limitation period, '
    || 'and that the application was therefore timely.',
    'L''avocate de l''intimée a soutenu que la plainte était tardive. Le Tribunal a conclu que les incidents '
    || 'formaient une série d''événements liés, dont le dernier était survenu dans le délai prescrit, et que la '
    || 'demande était donc recevable.'),
  (5, 'Expert evidence on anti-Black racism in Canadian workplaces was admitted. The expert explained how '
    || 'stereotypes about Black employees as aggressive or less competent can shape decisions about discipline, '
    || 'promotion and termination without any explicit reference to race.',
    'Une preuve d''expert sur le racisme anti-Noirs dans les milieux de travail canadiens a été admise. '
    || 'L''experte a expliqué comment les stéréotypes présentant les personnes noires comme agressives ou moins '
    || 'compétentes peuvent influer sur la discipline, les promotions et les congédiements sans aucune mention '
    || 'explicite de la race.'),
  (6, 'The Tribunal considered the social context evidence and took notice of the documented history of '
    || 'systemic racism in %1. Such notice does not relieve the applicant of the burden of proof, but '
    || 'it informs the inferences the Tribunal may draw from the facts.',
    'Le Tribunal a examiné la preuve du contexte social et a pris connaissance d''office de l''histoire '
    || 'documentée du racisme systémique en matière de %1. Cette connaissance ne libère pas la partie '
    || 'demanderesse du fardeau de la preuve, mais elle éclaire les inférences que le Tribunal peut tirer des faits.'),
  (7, 'The respondent''s investigation of the internal complaint was neither prompt nor thorough. The '
    || 'investigator did not interview the witnesses named by the applicant and closed the file within a week, '
    || 'which the Tribunal found to be a separate breach of the duty to investigate.',
    'L''enquête de l''intimée sur la plainte interne n''a été ni rapide ni approfondie. L''enquêteur n''a pas '
    || 'interrogé les témoins désignés par la partie demanderesse et a fermé le dossier en une semaine, ce que le '
    || 'Tribunal a jugé constituer un manquement distinct à l''obligation d''enquêter.'),
  (8, 'On credibility, the Tribunal preferred the evidence of the applicant, which was detailed, internally '
    || 'consistent and corroborated by a co-worker, over that of the manager, whose recollection was vague and '
    || 'who conceded that notes had been written after the fact.',
    'Quant à la crédibilité, le Tribunal a préféré la preuve de la partie demanderesse, détaillée, cohérente et '
    || 'corroborée par une collègue, à celle du gestionnaire, dont les souvenirs étaient vagues et qui a admis que '
    || 'des notes avaient été rédigées après coup.'),
  (9, 'The applicant described the impact of the events: sleeplessness, anxiety, the loss of a career built '
    || 'over many years and the humiliation of being escorted out in front of colleagues. A physician''s report '
    || 'filed in %2 confirmed a diagnosis of adjustment disorder.',
    'La partie demanderesse a décrit les effets des événements : insomnie, anxiété, la perte d''une carrière '
    || 'bâtie pendant de nombreuses années et l''humiliation d''être escortée dehors devant ses collègues. '
    || 'Un rapport médical déposé en %2 a confirmé un diagnostic de trouble de l''adaptation.'),
  (10, 'In assessing general damages the Tribunal considered the humiliation experienced, the hurt feelings, '
    || 'the loss of self-respect, dignity and confidence, the vulnerability of the applicant and the duration '
    || 'of the discriminatory conduct, consistent with the awards in comparable cases.',
    'Pour fixer les dommages moraux, le Tribunal a tenu compte de l''humiliation subie, de la blessure '
    || 'morale, de la perte d''estime de soi, de dignité et de confiance, de la vulnérabilité de la partie '
    || 'demanderesse et de la durée de la conduite discriminatoire, conformément aux montants accordés dans des '
    || 'affaires comparables.'),
  (11, 'Public interest remedies are meant to prevent future discrimination. The respondent was ordered to '
    || 'retain an external consultant with expertise in anti-racism, to revise its policies within six months '
    || 'and to report to the Commission on the training delivered to its staff.',
    'Les mesures d''intérêt public visent à prévenir la discrimination future. L''intimée devra retenir les '
    || 'services d''une consultante externe spécialisée en antiracisme, réviser ses politiques dans les six mois et '
    || 'faire rapport à la Commission sur la formation donnée à son personnel.')
) as r (n, en, fr);

insert into public.tribunal_cases (
  case_number, title, tribunal, source_url, decision_date, year, summary_en, summary_fr, full_text_en, full_text_fr,
  outcome, protected_ground, discrimination_type, race_category, is_race_related, is_anti_black_specific,
  relevance_score, precedent_value, remedies_awarded, monetary_award, keywords, complexity_level, created_at,
  deleted_at
)
select
  'SYN-' || p.t,
  v.surname || ' v. ' || v.respondent || ', ' || p.year || ' ' || v.tribunal_code || ' ' || p.t,
  v.tribunal_code,
  'https://decisions.example/' || lower(v.tribunal_code) || '/' || p.year || '/' || p.t,
  make_date(p.year, 1 + p.t % 12, 1 + p.t % 28),
  p.year,
  'The applicant, a Black ' || v.job_en || ', alleged ' || v.kind_en || ' in ' || v.area_en
  || ' on the grounds of race, colour and ' || v.ground_en || '. ' || v.finding_en || ' The ' || v.tribunal_en
  || ' ordered ' || v.remedy_en || '.' || e'\n\n' || (array[
    'The decision reviews the test for prima facie discrimination and the inferences that may be drawn from '
    || 'circumstantial evidence.',
    'The decision discusses comparator evidence and the credibility of the witnesses.',
    'The decision addresses the employer''s duty to investigate a complaint of harassment.',
    'The decision applies the social context of anti-Black racism to the assessment of the evidence.'
  ])[1 + p.t % 4] || ' ' || v.respondent || ' was represented by counsel, the applicant by a legal clinic.',
  'La partie demanderesse, ' || v.job_fr || ' noire, alléguait ' || v.kind_fr || ' en matière d''' || v.area_fr
  || ' fondé sur la race, la couleur et ' || v.ground_fr || '. ' || v.finding_fr || ' Le ' || v.tribunal_fr
  || ' a ordonné ' || v.remedy_fr || '.' || e'\n\n' || (array[
    'La décision examine le critère de la discrimination à première vue et les inférences tirées d''une preuve '
    || 'circonstancielle.',
    'La décision traite de la preuve relative aux comparateurs et de la crédibilité des témoins.',
    'La décision porte sur l''obligation de l''employeur d''enquêter sur une plainte de harcèlement.',
    'La décision applique le contexte social du racisme anti-Noirs à l''appréciation de la preuve.'
  ])[1 + p.t % 4] || ' ' || v.respondent || ' était représentée par avocat, la partie demanderesse par une '
  || 'clinique juridique.',
  'Decision of the ' || v.tribunal_en || '. ' || v.surname || ' filed an application under the Human Rights Code '
  || 'alleging that ' || v.respondent || ' subjected them to ' || v.kind_en || ' because of their race, colour and '
  || v.ground_en || '. The applicant worked as a ' || v.job_en || '. The respondent denied that race was a factor '
  || 'and argued that its decisions were based on performance. The Tribunal reviewed the evidence of comparators, '
  || 'the timing of the events and the credibility of the witnesses. Racial discrimination is rarely proven by '
  || 'direct evidence; it may be inferred from circumstantial evidence when the explanation offered is not credible. '
  || 'Applying the test in Moore v. British Columbia, the applicant must show a protected characteristic, an adverse '
  || 'impact, and that the characteristic was a factor in the adverse impact. ' || v.finding_en
  || ' On remedy, the Tribunal awarded ' || v.remedy_en || ' and ' || v.remedy2_en || ', including $' || p.award
  || ' as compensation for injury to dignity, feelings and self-respect. The respondent shall also review its '
  || 'anti-harassment and anti-racism policies and provide human rights training to its managers.' || e'\n\n'
  || r.en,
  'Décision du ' || v.tribunal_fr || '. ' || v.surname || ' a déposé une demande en vertu du Code des droits de la '
  || 'personne, alléguant que ' || v.respondent || ' lui a fait subir ' || v.kind_fr || ' en raison de sa race, de '
  || 'sa couleur et de ' || v.ground_fr || '. La partie demanderesse occupait un poste de ' || v.job_fr || '. '
  || 'L''intimée a nié que la race ait joué un rôle et a soutenu que ses décisions reposaient sur le rendement. '
  || 'Le Tribunal a examiné la preuve relative aux comparateurs, la chronologie des événements et la crédibilité '
  || 'des témoins. La discrimination raciale est rarement prouvée directement; elle peut être inférée d''une '
  || 'preuve circonstancielle lorsque l''explication offerte n''est pas crédible. Selon le critère de l''arrêt '
  || 'Moore c. Colombie-Britannique, il faut démontrer une caractéristique protégée, un effet préjudiciable et un '
  || 'lien entre les deux. ' || v.finding_fr || ' Quant à la réparation, le Tribunal a accordé ' || v.remedy_fr
  || ' et ' || v.remedy2_fr || ', dont ' || p.award || ' $ à titre de dommages pour atteinte à la dignité, aux '
  || 'sentiments et à l''estime de soi. L''intimée devra aussi revoir ses politiques contre le harcèlement et le '
  || 'racisme et offrir une formation sur les droits de la personne à ses gestionnaires.' || e'\n\n'
  || r.fr,
  (array['Upheld', 'Dismissed', 'Settled', 'Partially Upheld'])[1 + p.outcome],
  array['race', 'colour', v.ground_en],
  array[v.kind_en],
  'Anti-Black',
  true,
  true,
  round((0.5 + p.t % 50 / 100.0)::numeric, 2),
  (array['High', 'Medium', 'Low', 'Unknown'])[1 + p.t % 4],
  array[v.remedy_en, v.remedy2_en],
  p.award,
  array['anti-black racism', v.kind_en, v.area_en],
  (array['Beginner', 'Intermediate', 'Advanced'])[1 + p.t % 3],
  make_date(p.year, 1 + p.t % 12, 1 + p.t % 28),
  case when p.t % 50 = 0 then now() - interval '10 days' end
from syn_case_picks as p
cross join lateral (  -- noqa: ST05
  select
    (array['HRTO', 'CHRT', 'BCHRT', 'TDPQ', 'AHRC', 'NSHRC', 'MHRC'])[1 + p.tribunal] as tribunal_code,
    (array[
      'Human Rights Tribunal of Ontario', 'Canadian Human Rights Tribunal', 'British Columbia Human Rights Tribunal',
      'Quebec Human Rights Tribunal', 'Alberta Human Rights Tribunal', 'Nova Scotia Human Rights Board of Inquiry',
      'Manitoba Human Rights Adjudication Panel'
    ])[1 + p.tribunal] as tribunal_en,
    (array[
      'Tribunal des droits de la personne de l''Ontario', 'Tribunal canadien des droits de la personne',
      'Tribunal des droits de la personne de la Colombie-Britannique', 'Tribunal des droits de la personne du Québec',
      'Tribunal des droits de la personne de l''Alberta', 'Conseil d''enquête de la Nouvelle-Écosse',
      'Comité d''arbitrage des droits de la personne du Manitoba'
    ])[1 + p.tribunal] as tribunal_fr,
    (array[
      'ancestry', 'place of origin', 'ethnic origin', 'citizenship', 'creed', 'sex', 'disability', 'age',
      'family status', 'religion'
    ])[1 + p.ground] as ground_en,
    (array[
      'l''ascendance', 'le lieu d''origine', 'l''origine ethnique', 'la citoyenneté', 'la croyance', 'le sexe',
      'le handicap', 'l''âge', 'l''état familial', 'la religion'
    ])[1 + p.ground] as ground_fr,
    (array['employment', 'housing', 'services', 'contracts'])[1 + p.area] as area_en,
    (array['emploi', 'logement', 'services', 'contrats'])[1 + p.area] as area_fr,
    (array[
      'racial profiling', 'racial harassment', 'a poisoned work environment', 'wrongful termination',
      'a failure to accommodate', 'reprisal', 'denial of service'
    ])[1 + p.kind] as kind_en,
    (array[
      'du profilage racial', 'du harcèlement racial', 'un milieu de travail empoisonné', 'un congédiement injustifié',
      'un défaut d''accommodement', 'des représailles', 'un refus de service'
    ])[1 + p.kind] as kind_fr,
    (array[
      'The Tribunal found that race was a factor in the termination and that the application succeeds.',
      'The Tribunal found no evidence linking the adverse treatment to race and dismissed the application.',
      'The parties reached a settlement approved by the Tribunal.',
      'The Tribunal found that the harassment was racial in part and allowed the application in part.'
    ])[1 + p.outcome] as finding_en,
    (array[
      'Le Tribunal a conclu que la race a été un facteur du congédiement et que la demande est accueillie.',
      'Le Tribunal n''a trouvé aucune preuve liant le traitement défavorable à la race et a rejeté la demande.',
      'Les parties ont conclu un règlement approuvé par le Tribunal.',
      'Le Tribunal a conclu que le harcèlement était en partie racial et a accueilli la demande en partie.'
    ])[1 + p.outcome] as finding_fr,
    (array[
      'general damages for injury to dignity', 'lost wages', 'reinstatement', 'human rights training',
      'a review of its policies', 'public interest remedies'
    ])[1 + p.remedy] as remedy_en,
    (array[
      'des dommages moraux', 'le salaire perdu', 'la réintégration', 'une formation sur les droits de la personne',
      'une révision de ses politiques', 'des mesures d''intérêt public'
    ])[1 + p.remedy] as remedy_fr,
    (array[
      'interest on the award', 'a letter of reference', 'lost benefits', 'an apology', 'costs of the hearing',
      'a posted notice of the decision'
    ])[1 + p.remedy2] as remedy2_en,
    (array[
      'les intérêts sur l''indemnité', 'une lettre de référence', 'les avantages perdus', 'des excuses',
      'les frais de l''audience', 'un avis affiché de la décision'
    ])[1 + p.remedy2] as remedy2_fr,
    (array[
      'Mensah', 'Tremblay', 'Okafor', 'Joseph', 'Diallo', 'Campbell', 'Pierre', 'Nkemelu', 'Baptiste', 'Asante',
      'Francis'
    ])[1 + p.surname] as surname,
    (array[
      'Northern Logistics Inc.', 'City of Brampton', 'Maple Leaf Foods', 'Laurentian Bank',
      'Toronto Transit Commission',
      'Société de transport de Montréal', 'Prairie Health Authority', 'Atlantic Security Services Ltd.',
      'Harbour Property Management'
    ])[1 + p.respondent] as respondent,
    (array[
      'warehouse worker', 'nurse', 'police officer', 'software developer', 'bus operator', 'teacher', 'security guard',
      'bank teller'
    ])[1 + p.job] as job_en,
    (array[
      'préposée d''entrepôt', 'infirmière', 'policière', 'développeuse', 'chauffeuse d''autobus', 'enseignante',
      'agente de sécurité', 'caissière'
    ])[1 + p.job] as job_fr
) as v
cross join lateral (  -- noqa: ST05
  -- 24 to 71 paragraphs of reasons, each a pick of the pool (hashint4 of the case and the paragraph).
  select
    string_agg(replace(replace(x.en, '%1', v.area_en), '%2', p.year::text), e'\n\n' order by g.i) as en,
    string_agg(replace(replace(x.fr, '%1', v.area_fr), '%2', p.year::text), e'\n\n' order by g.i) as fr
  from generate_series(1, 24 + p.t % 48) as g (i)
  inner join syn_case_reasons as x on x.n = (hashint4(p.t * 101 + g.i) & 2147483647) % 12
) as r;
