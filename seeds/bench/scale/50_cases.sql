/*
  step: tribunal cases (50,000 at N = 1, bilingual, the vocabulary of real decisions)

  Each case draws its tribunal, protected grounds, area, kind of discrimination,
  finding and remedies from the lists below, and its English and French texts
  say the same thing in each language: a title in the citation style of the
  tribunal ("Mensah v. Northern Logistics Inc., 2019 HRTO 1234"), summaries,
  and a full text of about 1,500 characters per language. 2% are soft-deleted.
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
from generate_series(1, greatest(40, round(50000 * current_setting('abr.seed_scale')::numeric))::integer) as t;

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
  || ' ordered ' || v.remedy_en || '.',
  'La partie demanderesse, ' || v.job_fr || ' noire, alléguait ' || v.kind_fr || ' en matière d''' || v.area_fr
  || ' fondé sur la race, la couleur et ' || v.ground_fr || '. ' || v.finding_fr || ' Le ' || v.tribunal_fr
  || ' a ordonné ' || v.remedy_fr || '.',
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
  || 'anti-harassment and anti-racism policies and provide human rights training to its managers.',
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
  || 'racisme et offrir une formation sur les droits de la personne à ses gestionnaires.',
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
) as v;

-- Saved searches: one for a learner in five, half of them with alerts; English
-- ("racial profiling") or French with a tribunal filter, as the data explorer saves them.
insert into public.saved_searches (user_id, name, filters, notify_on_new_results, created_at)
select
  u.id,
  case when u.n % 10 = 0 then 'Racial profiling' else 'Profilage racial (TDPO)' end,
  case
    when u.n % 10 = 0 then '{"query": "racial profiling", "lang": "en"}'::jsonb
    else '{"query": "profilage racial", "lang": "fr", "tribunals": ["HRTO"]}'::jsonb
  end,
  u.n % 20 in (0, 5),
  now() - make_interval(days => u.n % 90)
from syn_users as u
where u.kind = 'learner' and u.n % 5 = 0;
