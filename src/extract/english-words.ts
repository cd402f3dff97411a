// Adjectives and adverbs of English, from compromise's lexicon (MIT); written by scripts/english-words.ts, not by hand.

/** 2635 ordinary English adjectives and adverbs, lower case: no names. */
export const ENGLISH_WORDS: ReadonlySet<string> = new Set(
  (
    "abandoned aberrant abject ablaze able aboard above abreast abroad abrupt absent absolute absorbed abstract " +
    "abstruse absurd absurder absurdest abundant academic accelerating accepted accommodating accompanying accurate " +
    "aching acknowledged acquiescent actual acute adamant adept adequate adjusted adolescent adopted adult advanced " +
    "adverse affected affectionate affluent afraid again against aged aggressive agile agonizing agonzing agreeable " +
    "ahead alarmed alarming alcoholic alert alight alighter alightest alike alive alkaline all alleged almost alone " +
    "alongside aloof already alright also altered alternate alternative altogether always amazed amazing ample " +
    "amusing angrier angriest angry animated annoying antarctic anticipated antiquated antique antsy anymore anyway " +
    "apart appalled appalling apparent appealing appetizing applied appreciated appropriate approximate " +
    "approximater approximatest apt arab arbitrary archival arctic armed arresting arrogant articulate articulater " +
    "articulatest artificial artsy ashen aside asleep aspiring associated assumed assured assuring astonishing " +
    "astounding astute attractive auditory augmented austere authentic authorized autoimmune average awake awarded " +
    "aware away awesome awesomer awesomest awhile awkward backward backwards bad baffled baffling baked balanced " +
    "bald balder baldest bankrupt bankrupter bankruptest bare barren based battered bawdier bawdiest bawdy " +
    "beautiful becoming behind belated bella beloved below beneath beneficial benign bent beside best bestselling " +
    "better bewildered bewildering bewitching beyond biased big bigger biggest bigtime binding bipartisan bitter " +
    "bitterest bizarre black blacker blackest bland blander blandest blank blessed blind blinded blinding blithe " +
    "blond blonder blondest bloodier bloodiest bloody blue bluer bluest blunt blunter bluntest boggling bogus " +
    "boiled boiling bold bolder boldest boldface bonafide booming bored boring bottled bottom bouncier bounciest " +
    "bouncing bouncy bound bourgeois brash brasher brashest brave braver bravest breathtaking brief bright brighter " +
    "brightest brilliant brillianter brilliantest brisk broad broader broadest broken bronze brown browner brownest " +
    "bruised bruising brute buff buffest burlier burliest burly burned burnt busier busiest bustling busy caged " +
    "cageier cageiest cagey calculated calm calmer calmest calming captivating cardiac careful caring celebate " +
    "celebrated centralized certain certified challenging changing charged charmed charming cheap cheaper cheapest " +
    "cheery cheesier cheesiest cheesy chewy chief chilled chillier chilliest chilling chilly chintzy circumspect " +
    "civil classic classified clean cleanest clear clearer clearest clever cleverer cleverest clockwise close " +
    "closed closer closest closing cloudier cloudiest cloudy cluttered coarse coarser coarsest coded coercive " +
    "cogent cognizant cold colder coldest colonial colored colossal coloured comatose combined comforting comic " +
    "commanding commensurate commercial common commoner commonest communist companion compassionate compelling " +
    "competing complete completer completest complex complicated compromising compulsory concave conceited " +
    "concentrated concerning concise concrete condescending conducive conflicting confused confusing congruent " +
    "conjoint conjugal conjugate conjugater conjugatest consequent considered consolidated conspiring constant " +
    "constituent consummate consummater consummatest contemporary content continuing contradictory contrary " +
    "contrasting contributing contrite controlled controlling convertable cooked cool cooler coolest cooperative " +
    "corporate correct correcter correctest corresponding corrupt corrupter corruptest costlier costliest costly " +
    "counterclockwise counterfeit counterfeiter counterfeittest covered covert cowardlier cowardliest cowardly coy " +
    "cozier coziest cozy cracked crafty cramped craven crazed creepy crippling crisp crisper crispest crowded " +
    "crucial crude cruel crueler cruelest crushed crystalline cuddlier cuddliest cuddly cultivated cunning cured " +
    "curlier curliest curly curmudgeonly customary customized cute cuter cutest cutesy cutting daily damaged " +
    "damaging damp dampened damper dampest dangerous dapper daring dark darling dashing dated daunting dazed " +
    "dazzled dead deader deadest deadlier deadliest deadly deadpan deaf deafer deafest dear dearer dearest " +
    "debilitating decayed deceased deceiving decentralized declining decorated decreasing dedicated deep deeper " +
    "deepest deferred defiant defined defining definite definitely deformed defuse defuser defusest degenerate " +
    "degrading delayed deliberate deliberater deliberatest delicate delighted delightful delighting demanding " +
    "demeaning demographic demoralizing demure dense denser densest dependent depressed deranged derelict " +
    "derivative deserving desperate despondent destitute desultory detailed determined devastating developed devoid " +
    "devoted devout didactic difficult diffuse diffuser diffusest dignified dim diminished dire direct directed " +
    "directer directest directly direr direst dirtier dirtiest dirty disabled disappointing disarming disciplined " +
    "discounted discouraged discreet discrete diseased disgruntled disgusting disheartening disjoint disparate " +
    "dissenting distant distinct distorted distracting distressed disturbed disturbing divergent diverse divine " +
    "diviner divinest dizzier dizziest dizzy dizzying docile dominant done dormant doting double doubler doublest " +
    "doubtful drained dreary dried driest drifting drowsy drunk drunker drunkest dry due dull duller dullest dumb " +
    "dumber dumbest dustier dustiest dusty eager earlier earliest early earnest earnester earthlier earthliest " +
    "earthly easier easiest east eastern easterner easternest easy easygoing edified educated eerie eerier eeriest " +
    "efficient elaborate elaborater elaboratest elated elder elderly electrifying elegant elicit eliciter " +
    "elicittest elite eloquent emaciated embarrassed emergent emerging eminent empowering emptier emptiest empty " +
    "enabling enamored enchanted encouraging endearing enduring energizing engaged engaging enhanced enlivening " +
    "enough enriching ensuing ensured enthralling enticing entire epic equal equipped erect erstwhile escaped " +
    "essential essentialer essentialest established ethereal ever everyday evil eviler evilest exact exacting " +
    "exaggerated exasperating excess excited executive exempt exempter exemptest exhausting exhilarating existing " +
    "expanded expected expedient experienced expert explicit exploding exposed express expresser expressest " +
    "exquisite extended extra extravagant extreme extremer extremest exuberant exultant fabled faded failed faint " +
    "fainter faintest fair fake faker fakest false famed familiar fancier fanciest fancy far farther fascinated " +
    "fast faster fastest fat faultier faultiest faulty faux favorite favourite feared feeble feebler feeblest " +
    "fellow female feminine feminist fertile fervent fetching fewer fierce fiercer fiercest fiery final financial " +
    "financialer financialest fine finer finished finite firm firmer firmest fitted fitting fixed flagrant flaming " +
    "flat flattering flattest flavored flavoured flirtier flirtiest flirty floating flowering flowery flowing " +
    "fluent fluid fluorescent flustered foamier foamiest foamy focused folksy fond fonder fondest foolish foregoing " +
    "foreign foreseeable forever forgetful formal formaler formalest former forthcoming fortunate foul fouler " +
    "foulest founding fractured fragile fragmented fragrant frail frailer frailest framed frank franker frankest " +
    "frantic free freer freest freezing frequent fresh fresher freshest fretful fried friendlier friendliest " +
    "friendly frightening frilly fringe fringer fringest frozen frugal frustrating fucking fugitive fulfilling full " +
    "fullest fully fun funer funest funnier funniest funny furrier furriest furry further furthermore furthest " +
    "future gaier gainful gauche gaudier gaudiest gaudy gay gayest general generic genious gentle gentler gentlest " +
    "genuine genuiner genuinest ghastlier ghastliest ghastly ghostlier ghostliest ghostly giant gianter giantest " +
    "giddier giddiest giddy gifted gigantic glad gladder gladest glaring gleaming glib glibber glibest global " +
    "gloomier gloomiest gloomy gold golden good goofier goofiest goofy graceful graiest grand grander grandest " +
    "graphic grateful gratified grating gratis grave gray grayer greasy great greater greatest greedier greediest " +
    "greedy green greener greenest greier grey greyest grilled grim grimest grimmer gripping grislier grisliest " +
    "grisly grizzled groovier grooviest groovy gross grosser grossest groundbreaking growing grueling gruesome " +
    "gruesomer gruesomest guarded guided guilty hairy half hallowed hammered handsome handsomer handsomest handsy " +
    "handy happier happiest happy hard hardcore harder hardest hardier hardiest hardworking hardy harmed harsh " +
    "harsher harshest hateful headier headiest heady healing heartier heartiest heartwarming hearty heated " +
    "heavenlier heavenliest heavenly heavier heaviest heavy heftier heftiest hefty hella hellish helpful hence " +
    "hesitant hesitanter hesitantest high higher highest highfalutin hillier hilliest hilly hispanic hoary hobby " +
    "hollow hollower hollowest homeless homelier homeliest homely homesick honest honorary hooked horrific " +
    "horrified hostile hot hotter hottest hourly huge huger hugest humane humble humbled humbler humblest humdrum " +
    "humid humider humidest humiliating hungrier hungriest hungry icier iciest icy ideal idle idler idlest ignorant " +
    "ill illegal illegitimate iller illest illicit illiterate illuminated immature immediate immense imminent " +
    "impartial impending imperfect implicit implied impolite important imported imposing impressionist improper " +
    "improved inaccurate inadequate inane inappropriate inbred incomplete inconsiderate incorporating incorrect " +
    "increased increasing incumbent indebted indeed indefinite independent indeterminate indie indirect individual " +
    "indoor indulgent inept inert infected inferior infinite inflated influential informed infrared infrequent " +
    "infuriated ingrown inhibitory initial injured innate inner innocent inordinate insane insecure insecurer " +
    "insecurest inside insignificant insoluble insolvent inspired inspiring instant instead insubordinate insulting " +
    "intact integrated intellegent intellegenter intellegentest intended intense intensified interdependent " +
    "interested interesting interim intermediate intermediater intermediatest intimate intimater intimatest " +
    "intimidating intoxicated intoxicating intriguing invaluable invigorating invited involved irate irrelevant " +
    "irritating isolated jaded jagged jittery joined jollier jolliest jolly judged juicier juiciest juicy junior " +
    "just justice justified juvenile kaput keen keener keenest kind kinda kinder kindest kindly knotted knowing " +
    "known lacking lagging laier laiest lame lamer lamest languid lapsed large larger largest last laster lasting " +
    "late lately later latest latter lay leading lean leaner leanest leaning leerier leeriest leery left legal " +
    "legendary legitimate lesser lethal leveled lewd lewder lewdest liberal licensed lifesaving light lighthearted " +
    "lightweight likelier likeliest likely likewise lil liler lilest limited limp limper limpest liquid listed " +
    "literal literary literate little littler littlest live livelier liveliest lively livest living loaded locked " +
    "loftier loftiest lofty lonelier loneliest lonely long longer longest longstanding longterm longtime loose " +
    "looser loosest lost loud louder loudest lousier lousiest lousy loutish loved lovelier loveliest lovely loving " +
    "low lower lowest lowlier lowliest lowly loyal loyaler loyalest luckier luckiest lucky lumbering lush macabre " +
    "macho mad maddening madder madest magenta main mainstream major makeshift male mammalian mammoth managed " +
    "mandatory manufactured many marine maritime marked masculine mature maturer maturest maturing maverick maybe " +
    "meager mean meandering meaner meanest meanwhile measlier measliest measly measured meatier meatiest meaty " +
    "median mediocre medium meek meeker meekest mega mellow mellower mellowest melted melting menacing mending mere " +
    "merry mesmerizing metric metropolitan mild milder mildest mindblowing mini miniature minor missing mistier " +
    "mistiest misty mitigating mixed mobile moderate moderater moderatest modern modernist modest modified moist " +
    "moister moldy monochrome monthly moodier moodiest moody moot moral morbid more moreover mortal most motivated " +
    "mounted moving muddy multifaceted multiple mumbling mundane mundaner mundanest mute muted muter mutest " +
    "mystified nagged nagging naive naiver naivest naked narrow narrower narrowest nausiating naval near nearby " +
    "nearer nearest neat neater neattest necessary needed neglected neighborly nerdier nerdiest nerdy new newer " +
    "newest newly newlywed next nibblier nibbliest nibbly nice nicer nicest nightly nimble nimbler nimblest noble " +
    "nobler noblest noisier noisiest noisy nonchalant nondescript nonprofit nonstop normal normaler normalest north " +
    "northeast northern northwest nosier nosiest nosy notable noted nourished novel nuanced nude numb numbest " +
    "numbing nurturing nuts obediant obedient obese obligated obscene obscure obscurer obscurest observant observed " +
    "obsolete occupied odd odder oddest offbeat offending offensive offhand official offline offsetting often " +
    "oilier oiliest oily okay old older oldest onboard once ongoing online only open opener openest opposing " +
    "opposite oppressed orange oranger orangest orderly organic organized orotund other outdoor outer outgoing " +
    "outlying outright outside outstanding oval over overall overarching overboard overdue overhand overhead " +
    "overlapping overlooked overnight overpowering overriding overseas overt overweight overwhelmed overwhelming " +
    "overwrought owing own ownest packed painful painted pale paler palest paranoid parked partial partisan " +
    "passionate pasted patient paying peaceful pending perfect perfected perfecter perfectest perhaps periodical " +
    "permanent perplexing pert pertinent perverse petite phonier phoniest phony picayune picked pierced piercing " +
    "pink pinker pinkest pissed placid plaid plain plainer plainest planned plastic pleasant pleasanter pleasantest " +
    "pleased plugged plunging pointed pointy polished polite politer politest poor poorer poorest populist " +
    "potential preceding precise preexisting preferred pregnant pregnanter pregnantest premature premier premium " +
    "preoccupied prepaid prepared present presenter presentest pressed pressing prevailing priceier pricey priciest " +
    "pricklier prickliest prickly prima primary prime primer primest principal printed prior pristine private pro " +
    "probable processed produced profane professional profound profounder profoundest profuse prolonged prominent " +
    "promising prompt prompter promptest pronounced proper proportionate proposed protected proud prouder proudest " +
    "proved provoking proximate public pumped punier puniest punishing punjabi puny pure purer purest purple " +
    "purpler purplest puzzled quack quacker quackest quaint quainter quaintest qualified quarterly quick quicker " +
    "quickest quiet quieter quietest quite quoted rabid racial racist ragged raggeder raggedest raging rained " +
    "rainier rainiest rainy rallied rallying rambling rampant randier randiest random randomer randomest randomly " +
    "randy rapid rapider rapidest rare rarer rarest rash rather ratified raving raw rawer rawest readier readiest " +
    "ready real realer realest really rear reassuring rebel recalcitrant received recent recommended recondite " +
    "recorded recovered recycled red redefining reder redest reduced redundant refined refreshing registered " +
    "regulated reigning rejected rejuvenating related relative released relevant reluctant remaining remote remoter " +
    "remotest removed renewed renowned rental repeated replaced replicate replicater replicatest representative " +
    "reprobate republican requested required reserved resident resistant resolute resonant respected resting " +
    "restored restricted retarded revealing revitalising revitalizing revolving rewarding rheumatoid rich richer " +
    "richest right righter rightest rightful ripe riper ripest ritzier ritziest ritzy rival roaring robust rolling " +
    "romantic roomier roomiest roomy rosier rosiest rosy rotted rotten rough rougher roughest round routine royal " +
    "rubbish rude ruder rudest rushing rustier rustiest rusty sacred sad saddening sadder sadest safe safer safest " +
    "sage saintlier saintliest saintly saltier saltiest salty same sandier sandiest sandy satisfactory satisfied " +
    "satisfying saturated sauted savvier savviest savvy scantier scantiest scanty scarce scarcer scarcest scared " +
    "scarier scariest scarlet scary scathing scattered scholarly scientific scorched scratched screeching screened " +
    "sealed seasoned seated secondary secret secure secured securer securest sedate sedater sedatest seemly seldom " +
    "select selected selecter selectest selfish senior sensory sentencing separate separater separatest serene " +
    "serial settled severe severer severest sexier sexiest sexy shaded shadier shadiest shady shallow shallower " +
    "shallowest shameful shared sharp sharper sharpest sheer shinier shiniest shining shiny shocked shocking short " +
    "shorter shortest shrill shriller shrillest shut shy shyer shyest sick sicker sickest sicklier sickliest sickly " +
    "significant sillier silliest silly silver simple simpler simplest simplified simulated sincere single sinister " +
    "skilled skinnier skinniest skinny skyrocketing slack sleek sleeker sleekest sleepy slender slenderest slick " +
    "slicker slickest slier sliest slight slighter slightest slim slimest slimier slimiest slimmer slimy slippery " +
    "slipshod sloping slow slower slowest sly small smaller smallest smart smarter smartest smellier smelliest " +
    "smelly smiling smoked smooth smoother smoothest smug snobbish soaked soaking soaring social socialer socialest " +
    "socialist soft softer softest sole solemn solemner solemnest solid solider solidest soluble solvent somber " +
    "somehow sometimes somewhat soon sooner soonest soothing sophisticated sordid sore sorer sorest sorry " +
    "soundproof sour south southeast southern southwest sovereign soviet spare sparer sparest sparkling sparkly " +
    "sparse special specialer specialest specialized specific specified speeding speedy spellbinding spicier " +
    "spiciest spicy spiked spirited splendid spotted sprawling sprightlier sprightliest sprightly spry squat " +
    "squeamish stable staggering stained stale staler stalest stalwart standard stark starker starkest startling " +
    "starving stated statelier stateliest stately statutory steadfast steadier steadiest steady steamed steaming " +
    "steep steeper steepest stereotyped sterile stern sterner sternest stiff stiffer stiffest still stimulating " +
    "stirred stirring stoked stout straier straiest straight straighter straightest straightforward strange " +
    "strangest stray strengthened strict stricter strictest striking stringent striped stripped strong stronger " +
    "strongest stubborn stuffed stumped stunned stupid stupider stupidest sturdier sturdiest sturdy stylish subdued " +
    "sublime subordinate subpar subsequent subsidized substandard substantial substantialer substantialest subtle " +
    "subtler subtlest suburban succinct such sudden suddener suddenest suggested super superb superficial " +
    "superficialer superficialest superior supervisory supporting supreme sure surer surest surging surly " +
    "surprising surreal surrealer surrealest surrounding suspect suspected suspecter suspectest suspended sustained " +
    "sweeping sweet sweeter sweetest swift swifter swiftest symbolic taboo talented tall taller tallest tame tamed " +
    "tamer tamest tantalizing targeted tarnished tart tarter tartest tasteful tawdrier tawdriest tawdry taxing " +
    "teased teen teenage telling temperate temporary tempting tender tenderest tense tenser tensest terminal " +
    "terrific terrifying terrorist tertiary testy then thick thicker thickest thin thinner thinnest thirstier " +
    "thirstiest thirsty thorny thoughtful threatened threatening thrilled thriving thus tidier tidiest tidy tied " +
    "tight tighter tightest timelier timeliest timely tinier tiniest tiny tired tiring together token tolerant too " +
    "torpid totally touched touching tough tougher toughest tracked trained tranquil tranquiler tranquilest " +
    "transparent trapped trembling trenchant trendier trendiest trendy trial trifling trimmed trite troubled " +
    "troubling true truer truest trusting trying turned twice twisted twisting uglier ugliest ugly ultimate " +
    "ultimately ultra unabated unappealing unassuming unattended unauthorized unbecoming unchallenged uncharted " +
    "unchecked uncircumcised unconvincing uncovered undecided under underage undercover undergraduate underground " +
    "underhand underlying underneath underprivileged undersized understood underwater underway underweight " +
    "undisclosed undisputed undocumented undue unemployed unending uneven unexpected unexplained unfair unfinished " +
    "unfolding unforeseen unguarded unheard unified uninsured uninterested uninterrupted uninvited unique united " +
    "universal unknown unmarried unmatched unmet unnamed unnerving unnoticed unopposed unpaid unparalleled " +
    "unprecedented unrecognized unregulated unrelated unrelenting unrequited unreserved unresolved unruly unseen " +
    "unsettled unsettling unsightly unsold unspent unspoken unsupervised unsuspecting untapped untested untold " +
    "untouched unused unwanted unwarranted unwieldy upbeat updated uplifted uplifting upper uppity upscale upstairs " +
    "uptight urban urgent used useful usual utter utterest uttermost vacant vagabond vagrant vague vaguer vaguest " +
    "vain vainer vainest valuable vanilla variable variant varied varying vast vaster vengeful verdant verdanter " +
    "verdantest verified versatile very vexing vibrant vigilant vile visionary volatile vulgar vulgarest wanton " +
    "warier wariest warm warmer warmest warped wary washed wasteful watched watershed watery weak weakened weaker " +
    "weakest wearier weariest weary weathered weatherproof wee weekly weird weirder weirdest well western wet " +
    "wetter wettest whinier whiniest whiny white whiter whitest whole wholesale wicked wickeder wickedest wide " +
    "wider widespread widest wild wilder wildest wilier wiliest willing wily windier windiest windy wirier wiriest " +
    "wiry wise wiser wisest wistful womanly wooden woodier woodiest woody woozy worn worried worse worst worthwhile " +
    "wounded wrier wriest wrinkled wrong wronger wrongest wrought wroughter wroughtest wry yearly yellow yellowed " +
    "yellower yellowest yielding young younger youngest zanier zaniest zany"
  ).split(" "),
);
