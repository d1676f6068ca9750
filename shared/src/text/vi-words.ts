// Vietnamese words of more than one syllable that customers, shop staff and
// marketers use, written for Sightline (hand-written, general everyday and
// commerce vocabulary across trades: retail, phones, fashion, food, banking,
// telecom, travel, health; not drawn from any evaluation text). Vietnamese
// writes a space between the syllables of one word, so "đánh giá" (review)
// and "giá" (price) are told apart only by knowing the word: the segmenter
// (words.ts) takes the longest listed word at each position. Words missing
// here are still found from the workspace's own text by collocation (see
// docs/suggestions.md), so this list need not be complete.
// Accents kept, lower case, NFC; one word per entry, syllables spaced.
export const VI_WORDS = `
sản phẩm|hàng hoá|hàng hóa|mặt hàng|hàng mới|hàng giả|hàng thật|chính hãng|xách tay|hàng lỗi|hàng tồn
nhân viên|quản lý|thu ngân|bảo vệ|tư vấn|tư vấn viên|khách hàng|người mua|người bán|chủ quán|cửa hàng
chi nhánh|siêu thị|trung tâm|trung tâm thương mại|quầy hàng|quầy thu ngân|gian hàng|kho hàng|showroom
đánh giá|nhận xét|bình luận|phản hồi|góp ý|khiếu nại|phàn nàn|than phiền|hài lòng|không hài lòng|thất vọng
giá cả|giá tiền|giá bán|giá gốc|giá niêm yết|bảng giá|mức giá|tầm giá|báo giá|giảm giá|khuyến mãi|khuyến mại
ưu đãi|quà tặng|phiếu mua hàng|mã giảm giá|tích điểm|thẻ thành viên|hội viên|trả góp|lãi suất|trả trước
trả sau|đặt cọc|hoàn tiền|trả hàng|đổi trả|đổi hàng|đổi size|đổi mới|thu cũ|thu cũ đổi mới|lên đời
thanh toán|chuyển khoản|tiền mặt|quẹt thẻ|thẻ tín dụng|thẻ ghi nợ|ví điện tử|mã qr|hoá đơn|hóa đơn|biên lai
tài khoản|số dư|sao kê|giao dịch|rút tiền|nạp tiền|gửi tiền|tiền gửi|tiết kiệm|khoản vay|vay vốn|hạn mức
phí dịch vụ|phí thường niên|phí ẩn|ngân hàng|ứng dụng|app ngân hàng|mật khẩu|mã otp|đăng nhập|đăng ký
xác thực|sinh trắc học|vân tay|khuôn mặt|nhận diện|bảo mật|lừa đảo|tổng đài|tổng đài viên|chăm sóc khách hàng
giao hàng|vận chuyển|phí ship|đơn hàng|đặt hàng|mua hàng|mua sắm|mua online|đặt online|đặt bàn|đặt chỗ
giao nhanh|giao chậm|giao trễ|đóng gói|bao bì|hộp quà|nhận hàng|kiểm hàng|shipper|người giao hàng
chất lượng|dịch vụ|trải nghiệm|thái độ|nhiệt tình|thân thiện|lịch sự|chu đáo|tận tình|cọc cằn|khó chịu
thờ ơ|lạnh nhạt|chuyên nghiệp|niềm nở|vui vẻ|dễ thương|hướng dẫn|giải thích|thông tin|chi tiết|cấu hình
thông số|thông số kỹ thuật|so sánh|lựa chọn|mẫu mã|kiểu dáng|thiết kế|màu sắc|kích cỡ|kích thước|số đo
chất liệu|đường may|co giãn|bạc màu|phai màu|xù lông|thoáng mát|form dáng|áo khoác|áo sơ mi|áo thun|quần áo
quần jean|váy đầm|giày dép|giày thể thao|túi xách|phụ kiện|thời trang|phòng thử|thử đồ|mặc thử|vừa vặn
điện thoại|máy tính|máy tính bảng|đồng hồ|tai nghe|ốp lưng|miếng dán|cường lực|củ sạc|cáp sạc|dây sạc|sạc nhanh
sạc dự phòng|pin dự phòng|sạc không dây|màn hình|cảm ứng|độ sáng|máy ảnh|chụp ảnh|chụp hình|quay phim
xoá phông|xóa phông|chụp đêm|chống rung|ống kính|hiệu năng|cấu hình|bộ nhớ|dung lượng|bộ vi xử lý|chơi game
nóng máy|giật lag|đơ máy|treo máy|khởi động|cập nhật|phần mềm|phần cứng|hệ điều hành|bảo hành|sửa chữa
trung tâm bảo hành|linh kiện|thay pin|thay màn hình|lỗi kỹ thuật|hư hỏng|hỏng hóc|trầy xước|móp méo
tương thích|kết nối|bluetooth|mạng di động|sóng điện thoại|gói cước|cước phí|dữ liệu|dung lượng data|tốc độ
chậm chạp|nhanh chóng|đường truyền|mất sóng|mất mạng|rớt mạng|cáp quang|lắp đặt|kỹ thuật viên|sim số|số điện thoại
nhà mạng|chuyển mạng|gia hạn|hết hạn|tin nhắn|cuộc gọi|gọi điện|truyền hình|hợp đồng|điều khoản|điều kiện
minh bạch|rõ ràng|khó hiểu|mập mờ|nhầm lẫn|sai giá|tính tiền|tính sai|xếp hàng|chờ đợi|thời gian chờ
giờ mở cửa|giờ đóng cửa|cuối tuần|ngày lễ|buổi sáng|buổi trưa|buổi chiều|buổi tối|giờ cao điểm|đông khách
vắng khách|chỗ ngồi|chỗ đậu xe|gửi xe|bãi xe|đỗ xe|vệ sinh|nhà vệ sinh|sạch sẽ|bẩn thỉu|dơ bẩn|không gian
trang trí|âm nhạc|ánh sáng|máy lạnh|điều hoà|điều hòa|mùi hôi|ồn ào|yên tĩnh|chật chội|rộng rãi|thoải mái
đồ ăn|món ăn|thức ăn|đồ uống|thức uống|nước uống|cà phê|trà sữa|trân châu|nước ép|sinh tố|bánh mì|bánh ngọt
thực đơn|khẩu phần|phần ăn|hương vị|vừa miệng|đậm đà|nhạt nhẽo|tươi ngon|ôi thiu
nguội lạnh|an toàn thực phẩm|vệ sinh thực phẩm|nhà hàng|quán ăn|phục vụ|gọi món|lên món|ra món|mang đi
tại chỗ|giao đồ ăn|ly nhựa|ống hút|topping|size lớn|size nhỏ|đá xay|trái cây|rau củ|thịt bò|thịt gà|hải sản
tiện lợi|bất tiện|dễ dàng|khó khăn|phức tạp|đơn giản|dễ dùng|khó dùng|dễ tìm|khó tìm|tìm kiếm|tìm thấy
hết hàng|còn hàng|cháy hàng|hết size|hết màu|nhập hàng|về hàng|đặt trước|chờ hàng|trưng bày|kệ hàng|bảng hiệu
quảng cáo|tiếp thị|thương hiệu|uy tín|đối thủ|cạnh tranh|thị trường|xu hướng|mạng xã hội|người nổi tiếng
livestream|video ngắn|đánh giá sao|đề xuất|gợi ý|yêu cầu|mong muốn|nhu cầu|đề nghị|cải thiện|nâng cấp
sức khoẻ|sức khỏe|bảo hiểm|bệnh viện|phòng khám|nhà thuốc|đặt lịch|lịch hẹn|du lịch|khách sạn|vé máy bay
học phí|khoá học|khóa học|giáo viên|học sinh|sinh viên|phụ huynh|trẻ em|người già|gia đình|bạn bè|đồng nghiệp
công ty|doanh nghiệp|văn phòng|nhân sự|hành chính|kế toán|hỗ trợ|giải quyết|xử lý|trả lời|liên hệ|liên lạc
thông báo|email|tin nhắn|cảm ơn|xin lỗi|đồng ý|từ chối|chấp nhận|huỷ bỏ|hủy bỏ|huỷ đơn|hủy đơn|hoàn trả
bình thường|tạm được|tuyệt vời|xuất sắc|tệ hại|kém chất lượng|đáng tiền|xứng đáng|hợp lý|vừa túi tiền
rẻ hơn|đắt hơn|đắt đỏ|giá rẻ|giá cao|cao cấp|bình dân|phổ thông|tầm trung|nổi bật|ấn tượng|đẹp mắt|sang trọng
nhẹ nhàng|chắc chắn|bền bỉ|độ bền|dễ vỡ|chống nước|chống sốc|trọng lượng|cầm nắm|cầm tay|một tay|viền màn hình
tai thỏ|nốt ruồi|cổng sạc|cục sạc|loa ngoài|âm thanh|chất âm|micro|độ phân giải|tần số quét|camera trước
camera sau|góc rộng|tele|zoom quang|pin trâu|hao pin|tụt pin|sụt pin|chai pin|nhanh hết|hết pin|nóng lên|quá nhiệt
mượt mà|giật giật|đứng hình|văng app|thoát ứng dụng|lỗi ứng dụng|màn hình xanh|khởi động lại|cài đặt|tuỳ chỉnh|tùy chỉnh
chức năng|tính năng|tiện ích|công nghệ|trí tuệ nhân tạo|thông minh|tự động|thủ công|bằng tay|từ xa
bao lâu|bao nhiêu|nói chuyện|kiên nhẫn|khẩu trang|chế biến|nước mắm|nước chấm|món chính|tráng miệng|giòn rụm|đông đúc|tiếp đón|chào hỏi
màn hình lớn|pin yếu|cấu hình mạnh|đặt lại|quay lại|ghé lại|mua lại|lần sau|lần đầu|giá trị|tiền thừa|trả lại|thối tiền
`;
