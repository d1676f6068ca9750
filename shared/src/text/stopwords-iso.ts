// Stop words vendored from the npm package stopwords-iso 1.1.0 (MIT licence,
// https://github.com/stopwords-iso; Copyright (c) Gene Diaz), Vietnamese and
// English lists, minus the words a customer's comment carries meaning with
// (kept as content words, vi: cao, ngọt, sạch, lớn, hỏi, nhận, số, bản, bộ, nhà, thanh, dữ, lần, ngày, tháng, năm, bài, chuyện, bao nhiêu, bao lâu, mới, muốn, cần, thời gian, bắt đầu từ, lâu, cô, chú, anh, em, bà, ông, con, cây, căn, cuốn, quyển, tấm, tấn, pho, bông, nóc, ngọn, hoàn toàn, chính, quyết, dễ sợ;
// en: able, available, back, big, bill, buy, call, case, cases, clear, clearly, click, computer, copy, cry, date, detail, early, empty, end, face, fire, first, free, full, good, goods, great, greater, greatest, group, groups, half, hardly, help, high, higher, highest, home, homepage, important, information, interest, interested, invention, keep, kept, keys, kind, large, last, late, lately, later, latest, length, less, like, liked, line, little, long, longer, longest, look, looking, low, lower, miss, money, move, name, need, needed, needs, net, new, newer, newest, number, numbers, old, older, oldest, open, opened, opening, opens, order, ordered, orders, page, pages, part, parts, past, place, places, please, point, points, poorly, possible, present, presents, problem, problems, promptly, proud, quickly, ran, recent, recently, research, results, right, ring, room, rooms, run, second, seconds, serious, seriously, show, showed, shows, side, site, slightly, small, smaller, smallest, sorry, state, states, stop, sure, system, test, text, thank, thanks, thick, thin, third, tip, today, top, tried, try, trying, turn, turned, use, used, useful, using, value, want, wanted, wants, web, webpage, website, welcome, well, whole, wish, work, worked, working, works, world, year, years, young, younger, youngest, zero, ok, okay, microsoft, netscape, msie).
// Generated once from the package; nothing is downloaded at run time.
// Vietnamese entries are NFC, lower case, accents kept; several are phrases ("bởi vì").
export const STOPWORDS_ISO_VI =
  "a ha|a-lô|ai|ai ai|ai nấy|alô|amen|bao giờ|bao nả|bay biến|biết|biết bao|biết bao nhiêu|" +
  "biết chừng nào|biết mấy|biết đâu|biết đâu chừng|biết đâu đấy|bác|bây bẩy|bây chừ|bây giờ|" +
  "bây nhiêu|bèn|béng|bạn|bất chợt|bất cứ|bất giác|bất kì|bất kể|bất kỳ|bất luận|bất nhược|bất quá|" +
  "bất thình lình|bất tử|bất đồ|bấy|bấy chầy|bấy chừ|bấy giờ|bấy lâu|bấy lâu nay|bấy nay|bấy nhiêu|" +
  "bập bà bập bõm|bập bõm|bằng|bằng không|bằng nấy|bằng ấy|bển|bệt|bị|bỏ mẹ|bỗng|bỗng chốc|" +
  "bỗng dưng|bỗng không|bỗng nhiên|bỗng đâu|bội phần|bớ|bởi|bởi chưng|bởi nhưng|bởi thế|bởi vì|" +
  "bởi vậy|bức|cha|cha chả|chao ôi|chiếc|cho|cho nên|cho tới|cho tới khi|cho đến|cho đến khi|choa|" +
  "chu cha|chui cha|chung cục|chung qui|chung quy|chung quy lại|chành chạnh|chí chết|chính là|" +
  "chính thị|chùn chùn|chùn chũn|chú mày|chú mình|chúng mình|chúng ta|chúng tôi|chăn chắn|chăng|" +
  "chưa|chầm chập|chậc|chắc|chắc hẳn|chẳng lẽ|chẳng những|chẳng nữa|chẳng phải|chết nỗi|chết thật|" +
  "chết tiệt|chỉ|chỉn|chốc chốc|chớ|chớ chi|chợt|chủn|chứ|chứ lị|coi bộ|coi mòi|cu cậu|cuộc|càng|" +
  "các|cái|còn|có|có chăng là|có dễ|có thể|có vẻ|cóc khô|cô mình|công nhiên|cùng|cùng cực|cùng nhau|" +
  "cùng với|căn cắt|cũng|cũng như|cũng vậy|cũng vậy thôi|cơ|cơ chừng|cơ hồ|cơ mà|cơn|cả|cả thảy|" +
  "cả thể|cảm ơn|cật lực|cật sức|cậu|cổ lai|của|cứ|cứ việc|cực lực|do|do vì|do vậy|do đó|duy|dào|dì|" +
  "dù cho|dù rằng|dưới|dạ|dần dà|dần dần|dầu sao|dẫu|dẫu sao|dễ thường|dở chừng|giữa|gì|hay|hoặc|" +
  "hơn|hầu hết|họ|khi|khác|không|luôn|là|làm|lên|lúc|lại|mà|mình|mỗi|một|một cách|mợ|ngay|ngay cả|" +
  "ngay khi|ngay lúc|ngay lập tức|ngay tức khắc|ngay từ|nghe chừng|nghe đâu|nghen|nghiễm nhiên|" +
  "nghỉm|ngoài|ngoài ra|ngoải|ngày càng|ngày ngày|ngày xưa|ngày xửa|ngôi|ngõ hầu|ngăn ngắt|ngươi|" +
  "người|ngộ nhỡ|nh|nhau|nhiên hậu|nhiều|nhiệt liệt|nhung nhăng|nhân dịp|nhân tiện|nhé|nhón nhén|" +
  "như|như chơi|như không|như quả|như thể|như tuồng|như vậy|nhưng|nhưng mà|nhược bằng|nhất|" +
  "nhất loạt|nhất luật|nhất mực|nhất nhất|nhất quyết|nhất sinh|nhất thiết|nhất tâm|nhất tề|nhất đán|" +
  "nhất định|nhỉ|nhỡ ra|những|những ai|những như|nào|này|nên|nên chi|nó|nói|nơi|nấy|nếu|nếu như|nền|" +
  "nọ|nớ|nức nở|nữa|oai oái|oái|phè|phóc|phót|phăn phắt|phương chi|phải|phải chi|phải chăng|phắt|" +
  "phỉ phui|phỏng|phỏng như|phốc|phụt|phứt|qua|qua quít|qua quýt|quyết nhiên|quá|quá chừng|quá lắm|" +
  "quá sá|quá thể|quá trời|quá xá|quá đỗi|quá độ|quá ư|quý hồ|quả|quả là|quả tang|quả thật|quả tình|" +
  "quả vậy|quả đúng|ra|ra phết|ra sao|ra trò|ren rén|riu ríu|riêng|riệt|rày|ráo|ráo trọi|rén|rích|" +
  "rón rén|rút cục|răng|rất|rằng|rằng là|rốt cuộc|rốt cục|rồi|rứa|sa sả|sao|sau|sau chót|sau cuối|" +
  "sau cùng|sau đó|so|song le|suýt|sì|sất|sắp|sẽ|số là|sốt sột|sở dĩ|sự|tanh|tha hồ|than ôi|theo|" +
  "thi thoảng|thoạt|thoạt nhiên|thoắt|thuần|thà|thà là|thà rằng|thành ra|thành thử|thái quá|thì|" +
  "thì thôi|thình lình|thím|thôi|thúng thắng|thương ôi|thường|thảo hèn|thảo nào|thấy|thẩy|thậm|" +
  "thậm chí|thật lực|thật ra|thật vậy|thế|thế là|thế mà|thế nào|thế nên|thế ra|thế thì|thế à|thếch|" +
  "thỉnh thoảng|thỏm|thốc|thốc tháo|thốt|thốt nhiên|thộc|thục mạng|thửa|thực ra|thực sự|thực vậy|" +
  "tiếp theo|tiếp đó|tiện thể|toà|toé khói|toẹt|trong|trên|trước|trước kia|trước nay|trước tiên|" +
  "trước đây|trước đó|trếu tráo|trển|trệt|trệu trạo|trỏng|trời đất ơi|trừ phi|tuy|tuy nhiên|" +
  "tuy rằng|tuy thế|tuy vậy|tuyệt nhiên|tuần tự|tuốt luốt|tuốt tuồn tuột|tuốt tuột|tà tà|tênh|" +
  "tít mù|tò te|tôi|tông tốc|tù tì|tăm tắp|tại|tại vì|tất cả|tất thảy|tất tần tật|tất tật|tắp|" +
  "tắp lự|tọt|tỏ ra|tỏ vẻ|tốc tả|tối ư|tột|tớ|tới|tức thì|tức tốc|từ|từng|tự vì|tựu trung|veo|" +
  "veo veo|việc|vung thiên địa|vung tàn tán|vung tán tàn|và|vào|vâng|vèo|vì|vì chưng|vì thế|vì vậy|" +
  "ví bằng|ví dù|ví phỏng|ví thử|vô hình trung|vô kể|vô luận|vô vàn|văng tê|vạn nhất|vả chăng|" +
  "vả lại|vẫn|vậy|vậy là|vậy thì|về|vị tất|vốn dĩ|với|với lại|vở|vụt|vừa|vừa mới|xa xả|xiết bao|" +
  "xon xón|xoành xoạch|xoét|xoẳn|xoẹt|xuất kì bất ý|xuất kỳ bất ý|xuể|xuống|xăm xúi|xăm xăm|xăm xắm|" +
  "xềnh xệch|xệp|à|à ơi|ào|á|á à|ái|ái chà|ái dà|áng|âu là|ô hay|ô hô|ô kê|ô kìa|ôi chao|ôi thôi|úi|" +
  "úi chà|úi dào|ý|ý chừng|ý da|đang|đi|điều|đành đạch|đáng lí|đáng lý|đáng lẽ|đánh đùng|đáo để|đây|" +
  "đã|đó|được|đại loại|đại nhân|đại phàm|đại để|đến|đến nỗi|đều|để|ơ|ơ hay|ơ kìa|ơi|ư|ạ|ạ ơi|ấy|" +
  "ầu ơ|ắt|ắt hẳn|ắt là|ối dào|ối giời|ối giời ơi|ồ|ổng|ớ|ờ|ở|ở trên|ủa|ứ hự|ứ ừ|ừ|ử";

export const STOPWORDS_ISO_EN =
  "ableabout|about|above|abroad|abst|accordance|according|accordingly|across|act|actually|ad|added|" +
  "adj|adopted|ae|af|affected|affecting|affects|after|afterwards|ag|again|against|ago|ah|ahead|ai|" +
  "aint|al|all|allow|allows|almost|alone|along|alongside|already|also|although|always|am|amid|" +
  "amidst|among|amongst|amoungst|amount|an|and|announce|another|any|anybody|anyhow|anymore|anyone|" +
  "anything|anyway|anyways|anywhere|ao|apart|apparently|appear|appreciate|appropriate|approximately|" +
  "aq|ar|are|area|areas|aren|arent|arise|around|arpa|as|aside|ask|asked|asking|asks|associated|at|" +
  "au|auth|aw|away|awfully|az|ba|backed|backing|backs|backward|backwards|bb|bd|be|became|because|" +
  "become|becomes|becoming|been|before|beforehand|began|begin|beginning|beginnings|begins|behind|" +
  "being|beings|believe|below|beside|besides|best|better|between|beyond|bf|bg|bh|bi|billion|biol|bj|" +
  "bm|bn|bo|both|bottom|br|brief|briefly|bs|bt|but|bv|bw|by|bz|ca|came|can|cannot|cant|caption|" +
  "cause|causes|cc|cd|certain|certainly|cf|cg|ch|changes|ci|ck|cl|cm|cmon|cn|co|com|come|comes|con|" +
  "concerning|consequently|consider|considering|contain|containing|contains|corresponding|could|" +
  "couldn|couldnt|course|cr|cs|cu|currently|cv|cx|cy|cz|dare|darent|de|dear|definitely|describe|" +
  "described|despite|did|didn|didnt|differ|different|differently|directly|dj|dk|dm|do|does|doesn|" +
  "doesnt|doing|don|done|dont|doubtful|down|downed|downing|downs|downwards|due|during|dz|each|ec|ed|" +
  "edu|ee|effect|eg|eh|eight|eighty|either|eleven|else|elsewhere|ended|ending|ends|enough|entirely|" +
  "er|es|especially|et|etc|even|evenly|ever|evermore|every|everybody|everyone|everything|everywhere|" +
  "ex|exactly|example|except|faces|fact|facts|fairly|far|farther|felt|few|fewer|ff|fi|fifteen|fifth|" +
  "fifty|fify|fill|find|finds|five|fix|fj|fk|fm|fo|followed|following|follows|for|forever|former|" +
  "formerly|forth|forty|forward|found|four|fr|from|front|fully|further|furthered|furthering|" +
  "furthermore|furthers|fx|ga|gave|gb|gd|ge|general|generally|get|gets|getting|gf|gg|gh|gi|give|" +
  "given|gives|giving|gl|gm|gmt|gn|go|goes|going|gone|got|gotten|gov|gp|gq|gr|greetings|grouped|" +
  "grouping|gs|gt|gu|gw|gy|had|hadnt|happens|has|hasn|hasnt|have|haven|havent|having|he|hed|hell|" +
  "hello|hence|her|here|hereafter|hereby|herein|heres|hereupon|hers|herself|hes|hi|hid|him|himself|" +
  "his|hither|hk|hm|hn|hopefully|how|howbeit|however|hr|ht|htm|html|http|hu|hundred|id|ie|if|" +
  "ignored|ii|il|ill|im|immediate|immediately|importance|in|inasmuch|inc|indeed|index|indicate|" +
  "indicated|indicates|inner|inside|insofar|instead|int|interesting|interests|into|inward|io|iq|ir|" +
  "is|isn|isnt|it|itd|itll|its|itself|ive|je|jm|jo|join|jp|just|ke|keeps|kg|kh|ki|km|kn|knew|know|" +
  "known|knows|kp|kr|kw|ky|kz|la|largely|latter|latterly|lb|lc|least|lest|let|lets|li|likely|" +
  "likewise|lk|ll|looks|lr|ls|lt|ltd|lu|lv|ly|ma|made|mainly|make|makes|making|man|many|may|maybe|" +
  "maynt|mc|md|me|mean|means|meantime|meanwhile|member|members|men|merely|mg|mh|might|mightnt|mil|" +
  "mill|million|mine|minus|mk|ml|mm|mn|mo|more|moreover|most|mostly|mp|mq|mr|mrs|ms|mt|mu|much|mug|" +
  "must|mustnt|mv|mw|mx|my|myself|mz|na|namely|nay|nc|nd|ne|near|nearly|necessarily|necessary|" +
  "needing|neednt|neither|never|neverf|neverless|nevertheless|next|nf|ng|ni|nine|ninety|nl|no|" +
  "nobody|non|none|nonetheless|noone|nor|normally|nos|not|noted|nothing|notwithstanding|novel|now|" +
  "nowhere|np|nr|nu|null|nz|obtain|obtained|obviously|of|off|often|oh|om|omitted|on|once|one|ones|" +
  "only|onto|opposite|or|ord|ordering|org|other|others|otherwise|ought|oughtnt|our|ours|ourselves|" +
  "out|outside|over|overall|owing|own|pa|parted|particular|particularly|parting|pe|per|perhaps|pf|" +
  "pg|ph|pk|pl|placed|plus|pm|pmid|pn|pointed|pointing|possibly|potentially|pp|pr|predominantly|" +
  "presented|presenting|presumably|previously|primarily|probably|provided|provides|pt|put|puts|pw|" +
  "py|qa|que|quite|qv|rather|rd|re|readily|really|reasonably|ref|refs|regarding|regardless|regards|" +
  "related|relatively|reserved|respectively|resulted|resulting|ro|round|ru|rw|sa|said|same|saw|say|" +
  "saying|says|sb|sc|sd|se|sec|secondly|section|see|seeing|seem|seemed|seeming|seems|seen|sees|self|" +
  "selves|sensible|sent|seven|seventy|several|sg|sh|shall|shant|she|shed|shell|shes|should|shouldn|" +
  "shouldnt|showing|shown|showns|si|sides|significant|significantly|similar|similarly|since|sincere|" +
  "six|sixty|sj|sk|sl|sm|sn|so|some|somebody|someday|somehow|someone|somethan|something|sometime|" +
  "sometimes|somewhat|somewhere|soon|specifically|specified|specify|specifying|sr|st|still|strongly|" +
  "su|sub|substantially|successfully|such|sufficiently|suggest|sup|sv|sy|sz|take|taken|taking|tc|td|" +
  "tell|ten|tends|tf|tg|th|than|thanx|that|thatll|thats|thatve|the|their|theirs|them|themselves|" +
  "then|thence|there|thereafter|thereby|thered|therefore|therein|therell|thereof|therere|theres|" +
  "thereto|thereupon|thereve|these|they|theyd|theyll|theyre|theyve|thing|things|think|thinks|thirty|" +
  "this|thorough|thoroughly|those|thou|though|thoughh|thought|thoughts|thousand|three|throug|" +
  "through|throughout|thru|thus|til|till|tis|tj|tk|tm|tn|to|together|too|took|toward|towards|tp|tr|" +
  "tries|trillion|truly|ts|tt|turning|turns|tv|tw|twas|twelve|twenty|twice|two|tz|ua|ug|uk|um|un|" +
  "under|underneath|undoing|unfortunately|unless|unlike|unlikely|until|unto|up|upon|ups|upwards|us|" +
  "usefully|usefulness|uses|usually|uucp|uy|uz|va|various|vc|ve|versus|very|vg|vi|via|viz|vn|vol|" +
  "vols|vs|vu|wanting|was|wasn|wasnt|way|ways|we|wed|wells|went|were|weren|werent|weve|wf|what|" +
  "whatever|whatll|whats|whatve|when|whence|whenever|where|whereafter|whereas|whereby|wherein|" +
  "wheres|whereupon|wherever|whether|which|whichever|while|whilst|whim|whither|who|whod|whoever|" +
  "wholl|whom|whomever|whos|whose|why|widely|width|will|willing|with|within|without|won|wonder|wont|" +
  "words|would|wouldn|wouldnt|ws|www|ye|yes|yet|you|youd|youll|your|youre|yours|yourself|yourselves|" +
  "youve|yt|yu|za|zm|zr";
