/**
 * Real words for generated libraries. Common English words are listed by rough frequency,
 * so a Zipf pick over them reads like running text; sales and operations words give titles
 * and tags their shape; names come from several languages, Cyrillic included.
 */

export const COMMON_WORDS = `the of and to a in is that for it as with be on not this by are or from at which but have an
they you were their one all we can her has there been if more when will would who so no what up out about into them
than some could other time these two may then do first any my now such like our over man me even most made after also
did many before must through back years where much your way well down should because each just those how too little
state good very make world still own see men work long get here between both life being under never day same another
know while last might us great old year off come since against go came right used take three states himself few house
use during without again place around however home small found thought went say part once general high upon school
every does got united left number course war until always away something fact though water less public put think
almost hand enough far took head yet government system better set told nothing night end why called didn find going
look asked later knew point next program city business give group toward young days let room president side social
given present several order national possible rather second face per among form important often things looking early
white case john become large big need four within felt along children saw best church ever least power development
light thing seemed family interest want members mind country area others done turned although open god service
certain kind problem began different door thus help sense means whole matter perhaps itself york times law human line
above name example action company hands local show whether five history gave today either act feet across taken past
quite anything seen having death week experience body word half really field am car words already themselves
information tell together college shall money period held keep sure probably free seems political real behind
question making office brought whose special major heard problems federal became study ago moment available known
result street economic boy position reason change south board individual job areas society west close turn love
community true court force full seem am policy wife future age wanted department voice center woman control common
necessary following front sometimes six girl clear further land run students provide feel party able mother music
education university child effect level stood military town short morning total outside rate figure class art
century washington north usually leave therefore evidence million sound top black strong hard various says believe
type value play surface soon mean near table peace modern tax road red book personal process situation minutes
increase idea english alone women gone nor amount doing age private friends hope`.split(/\s+/);

export const SALES_WORDS = `pipeline quota forecast revenue margin churn retention renewal upsell expansion onboarding
rollout pilot proof concept discovery qualification objection pricing discount procurement security compliance
integration migration deployment adoption roadmap implementation stakeholder champion sponsor budget approval
contract signature invoice payment terms legal review audit uptime latency throughput scalability dashboard
analytics reporting automation workflow routing dispatch fleet warehouse inventory logistics freight shipment
delivery carrier tracking telematics driver vehicle maintenance idle fuel emissions sustainability savings payback
benchmark efficiency productivity utilisation capacity planning scheduling optimisation visibility accuracy
forecasting demand supply chain distribution retail grocery manufacturing healthcare pharma hospitality construction
energy utilities telecom banking insurance education government nonprofit enterprise midmarket startup
partner reseller channel referral testimonial webinar conference event trial demo follow meeting agenda recap
proposal quote sizing requirements rfp questionnaire checklist playbook battlecard competitor alternative
comparison differentiation positioning messaging persona buyer journey awareness interest engagement conversion
advocacy cold intro outreach sequence cadence breakup nurture newsletter announcement launch release feature
update integration api sso encryption gdpr soc iso certification regional multilingual mobile offline sync
quarterly annual monthly weekly executive summary board operations finance procurement it director manager
vp chief officer head lead coordinator analyst specialist consultant architect engineer administrator owner`.split(/\s+/);

export const TAGS = `logistics roi fleet cold-chain routing retail grocery manufacturing healthcare pharma
security compliance gdpr soc2 integration erp sap oracle netsuite salesforce hubspot pricing discount procurement
onboarding renewal upsell churn pilot trial demo webinar event competitor battlecard objection budget
cfo cio coo vp-operations logistics-director it-director procurement-lead emea apac latam dach nordics benelux
iberia cee uk us canada enterprise midmarket smb sustainability emissions fuel maintenance telematics dispatch
last-mile warehouse inventory forecasting analytics dashboard mobile api sso migration implementation training
case-study testimonial reference award press launch release-notes roadmap pricing-page faq quickstart`.split(/\s+/);

export const INDUSTRIES = `logistics cold-chain food-distribution retail grocery manufacturing healthcare pharma
construction energy utilities telecom field-services ecommerce beverage automotive chemicals agriculture`.split(/\s+/);

export const PERSONAS = `vp-operations logistics-director cfo cio coo fleet-manager it-director procurement-lead
dispatcher warehouse-manager sales-director ceo`.split(/\s+/);

/** First names and surnames from several languages, diacritics included. */
export const FIRST_NAMES = `Maria James Anna Michael Sofia David Emma Lukas Léa Mateo Valentina João Ana Łukasz
Zofia Katarzyna Piotr Jan Sanne Daan Femke Yuki Haruto Sakura Kenji Hiroshi Mei Ingrid Søren Astrid Björn Åsa
Chloé Amélie François Jürgen Müller Günter Renée José Inês Gonçalo Maciej Agnieszka Oğuz Ayşe Mehmet Priya Arjun
Ananya Fatima Omar Leila Noah Olivia Liam Ava Ethan Mia Lucas Isabella Carlos Lucía Diego Camila`.split(/\s+/);

export const SURNAMES = `Smith Johnson Müller Schmidt Schneider Fischer García Rodríguez Martínez López Silva
Santos Oliveira Pereira Kowalski Nowak Wiśniewski Wójcik de-Vries Jansen van-Dijk Bakker Tanaka Suzuki Takahashi
Watanabe Sørensen Nielsen Andersson Lindqvist Dubois Lefèvre Moreau Rossi Bianchi Ferrari Yılmaz Kaya Patel Sharma
Khan Ahmed Nguyen Tran Kim Park Chen Wang O'Brien Murphy Kelly`.split(/\s+/);

export const RUSSIAN_NAMES = `Дмитрий Ольга Сергей Екатерина Алексей Наталья Иван Мария Андрей Татьяна Михаил Анна
Волков Смирнова Кузнецов Попова Соколов Лебедева Козлов Новикова Морозов Павлова Фёдоров Ёлкина`.split(/\s+/);

export const RUSSIAN_WORDS = `кейс доставка логистика маршрут склад автопарк холодильный пробег планирование экономия
окупаемость внедрение интеграция дистрибуция продажи клиент встреча презентация предложение договор цена скидка
отчёт аналитика водитель рейс температура приёмка сеть магазин магазины торговля производство компания решение
задача результат проект запуск обучение поддержка безопасность соответствие сроки бюджет закупки директор
руководитель отдел логист диспетчер контроль качество эффективность снижение рост выручка затраты топливо
ремонт обслуживание мониторинг трекер датчик данные система платформа модуль мобильный приложение`.split(/\s+/);

export const CITIES = `Hamburg Rotterdam Lyon Porto Kraków Gdańsk Göteborg Malmö Osaka Sapporo Monterrey Bogotá
Valparaíso Curitiba Zürich Genève Sevilla Bilbao Antwerpen Utrecht Екатеринбург Новосибирск Казань Ростов Leeds
Glasgow Austin Denver Calgary Brisbane Auckland İzmir Ankara Pune Chennai`.split(/\s+/);

export const COMPANY_SUFFIXES = `Logistik Logistics Freight Foods Retail Group Holdings Medical Beverage Climate
Services Distribution Transport Cargo Express Foods Bau Budowa Metalúrgica Alimentos Handel Trading Supply`.split(/\s+/);
